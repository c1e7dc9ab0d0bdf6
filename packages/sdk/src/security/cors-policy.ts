import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import type { AuditLog } from './audit/audit-log.ts';
import type { CorsConfig } from './config/security-config.ts';
import { oncePer } from './once-per.ts';
import { sendProblem } from './problem.ts';
import { type PromRegistry, securityMetrics } from './security-metrics.ts';

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

export interface CorsDeps {
  readonly registry: PromRegistry;
  readonly audit: AuditLog;
  /** A refused origin is audited once per this many milliseconds. */
  readonly auditThrottleMs?: number;
}

/** Thrown at setup for a CORS configuration that would expose credentials to every site. */
export class CorsConfigError extends Error {
  readonly code = 'LOOKOUT_CONFIG_INVALID';
}

/**
 * CORS from an allow-list, denied by default. An allowed origin is echoed back (never `*` when
 * credentials are on, which browsers forbid and which would hand every site the user's session);
 * a refused origin gets no CORS headers at all, so the browser withholds the response, and the
 * refusal is counted in `lookout_cors_rejections_total` and audited. Allowed preflights are
 * answered here with 204, refused ones with 403. Requests without an Origin header are not cross-origin and pass untouched.
 */
export function corsPolicy(config: CorsConfig, deps: CorsDeps): Middleware {
  assertSafe(config);
  const allowAll = config.origins.includes('*');
  const allowed = new Set(config.origins);
  const metrics = securityMetrics(deps.registry);
  const shouldAudit = oncePer(deps.auditThrottleMs ?? 60_000);
  // Only ever reached for an allowed origin, so reflecting it is safe; `*` needs no reflection.
  const answer = cors({
    origin: allowAll ? '*' : true,
    credentials: config.credentials,
    methods: [...config.methods],
    allowedHeaders: [...config.allowedHeaders],
    exposedHeaders: [...config.exposedHeaders],
    maxAge: config.maxAgeSeconds,
    optionsSuccessStatus: 204,
  });

  return (req, res, next) => {
    const origin = req.headers.origin;
    // The answer depends on Origin, so caches must key on it, refused or not.
    if (!allowAll) appendVary(res, 'Origin');
    if (origin === undefined) return next();
    if (allowAll || allowed.has(origin)) return answer(req, res, next);

    metrics.corsRejections.inc();
    if (shouldAudit(origin)) {
      deps.audit.record('cors.refused', { origin: origin.slice(0, 200), method: req.method ?? '' });
    }
    // A refused preflight ends here, before authentication or rate limits spend any work on it.
    if (isPreflight(req)) return sendProblem(res, REFUSED_PREFLIGHT);
    next();
  };
}

const REFUSED_PREFLIGHT = {
  status: 403,
  title: 'Cross-origin request refused',
  detail: 'This origin is not allowed to call this API.',
};

function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

function appendVary(res: ServerResponse, field: string): void {
  const current = res.getHeader('Vary');
  const list =
    current === undefined
      ? []
      : String(current)
          .split(',')
          .map((v) => v.trim());
  if (list.includes('*') || list.some((v) => v.toLowerCase() === field.toLowerCase())) return;
  res.setHeader('Vary', [...list.filter((v) => v !== ''), field].join(', '));
}

function assertSafe(config: CorsConfig): void {
  if (config.origins.includes('*') && config.credentials) {
    throw new CorsConfigError(
      'CORS origin * together with credentials would let every website act as the signed-in user; list the allowed origins instead',
    );
  }
}
