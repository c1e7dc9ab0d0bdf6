import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { HeadersConfig } from './config/security-config.ts';

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/**
 * Security headers for a JSON API. A JSON response is never meant to be rendered, framed or
 * embedded, so the policy denies all of it: a CSP of `default-src 'none'` (an HTML payload
 * injected into a response still cannot run or load anything), `frame-ancestors 'none'` and
 * `X-Frame-Options: DENY` (no clickjacking), `nosniff` (no content-type guessing), no referrer,
 * same-origin cross-origin policies, HSTS and `Cache-Control: no-store` so shared caches never
 * keep an authenticated answer. `X-Powered-By` is removed. A route that serves cacheable public
 * data may set its own Cache-Control after this middleware.
 */
export function securityHeaders(config: HeadersConfig): Middleware {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    originAgentCluster: true,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: hsts(config),
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    xDownloadOptions: true,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    xPoweredBy: true,
    xXssProtection: true,
  });
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    headers(req, res, next);
  };
}

function hsts(config: HeadersConfig) {
  if (config.hstsMaxAgeSeconds === 0) return false;
  return { maxAge: config.hstsMaxAgeSeconds, includeSubDomains: true, preload: config.hstsPreload };
}

/** The part of an Express application (4 or 5) these settings touch. */
export interface SettableApp {
  set(setting: string, value: unknown): unknown;
  disable(setting: string): unknown;
}

/**
 * Applies the application-level settings: `X-Powered-By` off, and `trust proxy` as a hop count.
 * A count (never `true`) means only addresses added by our own proxies are believed: with one
 * proxy, `req.ip` is the address that proxy saw, and whatever a client writes further left in
 * X-Forwarded-For is ignored, so rotating it cannot dodge a per-address rate limit.
 */
export function hardenApp(app: SettableApp, trustProxyHops: number): void {
  if (!Number.isInteger(trustProxyHops) || trustProxyHops < 0) {
    throw new TypeError(`trustProxyHops must be a whole number of proxies, got ${trustProxyHops}`);
  }
  app.disable('x-powered-by');
  // 0 is `false` to Express: X-Forwarded-For is ignored and req.ip is the socket address.
  app.set('trust proxy', trustProxyHops === 0 ? false : trustProxyHops);
}
