import type { ServerResponse } from 'node:http';
import type { AuditLog } from '../audit/audit-log.ts';
import { oncePer } from '../once-per.ts';
import { sendProblem } from '../problem.ts';
import { clientAddress, type ExpressLikeRequest, requestPath } from '../request-facts.ts';
import { type PromRegistry, securityMetrics } from '../security-metrics.ts';
import type { KeyRefusal, KeyVerdict } from './api-key-manager.ts';
import { type ApiKeyPrincipal, getApiKeyPrincipal, setApiKeyPrincipal } from './principal.ts';

type Middleware = (
  req: ExpressLikeRequest,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

export interface ApiKeyAuthDeps {
  /** Usually an `ApiKeyManager`. */
  readonly verifier: { verify(presented: string | undefined): Promise<KeyVerdict> };
  readonly registry: PromRegistry;
  readonly audit: AuditLog;
  /** Successful authentications audited: each, once per key and address per throttle, none. */
  readonly auditSuccess?: 'all' | 'throttled' | 'off';
  readonly auditThrottleMs?: number;
}

/** Builds route guards; see `createApiKeyAuth`. */
export interface ApiKeyAuth {
  /** A middleware admitting requests whose key is valid and holds every one of `scopes`. */
  require(...scopes: string[]): Middleware;
}

const CHALLENGE = 'Bearer realm="api"';
const INVALID = 'Bearer realm="api", error="invalid_token"';

/**
 * API-key authentication for routes. The key is read from `Authorization: Bearer <key>` or
 * `X-API-Key`. A missing or invalid key gets 401, a valid key without the needed scope 403, both
 * as problem+json. The client is never told why a key was refused (unknown, revoked and expired
 * look alike), but the reason is counted in `lookout_auth_attempts_total{result,reason}` and
 * written to the audit log. A key store that cannot answer gives 503: failing open would admit
 * anyone while the store is down.
 */
export function createApiKeyAuth(deps: ApiKeyAuthDeps): ApiKeyAuth {
  const metrics = securityMetrics(deps.registry);
  const shouldAuditSuccess = successPolicy(deps.auditSuccess ?? 'throttled', deps.auditThrottleMs);
  const fail = (req: ExpressLikeRequest, reason: KeyRefusal | 'scope', id?: string) => {
    metrics.authAttempts.inc({ result: 'failure', reason });
    deps.audit.record('auth.failure', { reason, key_id: id, ...requestFacts(req) });
  };
  const admit = (req: ExpressLikeRequest, principal: ApiKeyPrincipal) => {
    metrics.authAttempts.inc({ result: 'success', reason: 'valid' });
    if (shouldAuditSuccess(`${principal.id} ${clientAddress(req)}`)) {
      deps.audit.record('auth.success', { key_id: principal.id, ...requestFacts(req) });
    }
  };

  const require =
    (...scopes: string[]): Middleware =>
    (req, res, next) => {
      authenticate(req, deps).then((outcome) => {
        if (!outcome.ok) {
          fail(req, outcome.reason, outcome.id);
          return refusal(res, outcome.reason);
        }
        const missing = scopes.filter((scope) => !outcome.principal.scopes.includes(scope));
        if (missing.length > 0) {
          fail(req, 'scope', outcome.principal.id);
          return forbidden(res, missing);
        }
        // A second guard on the same request checks scopes only; it is not a second login.
        if (outcome.fresh) admit(req, outcome.principal);
        next();
      }, next);
    };
  return { require };
}

/** 401 for a missing or invalid key, 503 when the store could not say. */
function refusal(res: ServerResponse, reason: KeyRefusal): void {
  if (reason === 'store_error') {
    sendProblem(res, { status: 503, title: 'Service Unavailable', detail: 'Try again.' });
    return;
  }
  const missing = reason === 'missing';
  const detail = missing ? 'An API key is required.' : 'The API key is not valid.';
  const challenge = { 'WWW-Authenticate': missing ? CHALLENGE : INVALID };
  sendProblem(res, { status: 401, title: 'Unauthorized', detail }, challenge);
}

/** 403 naming the scopes the key lacks, which the key's holder needs to ask for. */
function forbidden(res: ServerResponse, missing: string[]): void {
  const detail = `This API key lacks the scope ${missing.join(', ')}.`;
  sendProblem(res, { status: 403, title: 'Forbidden', detail, missing_scopes: missing });
}

type Outcome =
  | { ok: true; principal: ApiKeyPrincipal; fresh: boolean }
  | { ok: false; reason: KeyRefusal; id?: string };

/**
 * Verifies a request's key once, however many guards it passes (a router-wide guard and a
 * stricter one on a route): later guards reuse the principal and only check their scopes.
 */
async function authenticate(req: ExpressLikeRequest, deps: ApiKeyAuthDeps): Promise<Outcome> {
  const known = getApiKeyPrincipal(req);
  if (known !== undefined) return { ok: true, principal: known, fresh: false };
  const verdict = await deps.verifier.verify(presentedKey(req));
  if (!verdict.ok) return verdict;
  const { id, name, scopes } = verdict.record;
  const principal = { id, name, scopes };
  setApiKeyPrincipal(req, principal);
  return { ok: true, principal, fresh: true };
}

/** The key from `Authorization: Bearer` or `X-API-Key`; another auth scheme counts as malformed. */
function presentedKey(req: ExpressLikeRequest): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    // Anything but a Bearer credential is passed on whole and fails the key format check.
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    return match?.[1] ?? authorization;
  }
  const header = req.headers['x-api-key'];
  return Array.isArray(header) ? header[0] : header;
}

function requestFacts(req: ExpressLikeRequest) {
  return { client_address: clientAddress(req), method: req.method ?? '', path: requestPath(req) };
}

function successPolicy(mode: 'all' | 'throttled' | 'off', throttleMs = 60_000) {
  if (mode === 'all') return () => true;
  if (mode === 'off') return () => false;
  return oncePer(throttleMs);
}
