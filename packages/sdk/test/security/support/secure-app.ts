import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express5 from 'express';
import express4 from 'express4';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { createApiKeyAuth } from '../../../src/security/api-keys/api-key-auth.ts';
import { ApiKeyManager } from '../../../src/security/api-keys/api-key-manager.ts';
import type { KeyStore } from '../../../src/security/api-keys/key-store.ts';
import { openKeyStore } from '../../../src/security/api-keys/open-key-store.ts';
import { getApiKeyPrincipal } from '../../../src/security/api-keys/principal.ts';
import { type AuditLog, createAuditLog } from '../../../src/security/audit/audit-log.ts';
import type { SecurityConfig } from '../../../src/security/config/security-config.ts';
import { corsPolicy } from '../../../src/security/cors-policy.ts';
import { jsonBody } from '../../../src/security/json-body.ts';
import { createRateLimiters, type RedisCommandSender } from '../../../src/security/rate-limit.ts';
import { hardenApp, securityHeaders } from '../../../src/security/security-headers.ts';
import { validate } from '../../../src/security/validate.ts';

/** The two Express majors the SDK supports, for `describe.each`. */
export const EXPRESS_VERSIONS = [
  ['Express 5', express5 as unknown as () => ExpressApp],
  ['Express 4', express4 as unknown as () => ExpressApp],
] as const;

type Handler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
type ErrorHandler = (
  err: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

/** The part of an Express 4 or 5 application the tests use. */
export interface ExpressApp extends RequestListener {
  use(...handlers: (Handler | ErrorHandler | string)[]): void;
  get(path: string, ...handlers: Handler[]): void;
  post(path: string, ...handlers: Handler[]): void;
  set(name: string, value: unknown): void;
  disable(name: string): void;
}

/** Everything a test may inspect after building the application. */
export interface SecureApp extends AsyncDisposable {
  readonly app: ExpressApp;
  readonly registry: Registry;
  readonly audit: AuditLog;
  readonly manager: ApiKeyManager;
  readonly store: KeyStore;
  /** Counts requests that reached a route handler, to show refused requests did not. */
  readonly handled: { count: number };
}

const orderSchema = z.strictObject({
  item: z.string().min(1).max(100),
  quantity: z.number().int().min(1).max(1000),
  note: z.string().max(500).optional(),
});

/**
 * The security stack wired the way `useLookout` is meant to wire it, on a small orders API:
 * headers, CORS, the failed-auth limiter, JSON body limits, then per route the API-key guard,
 * the group rate limiter and validation. A last error handler turns any escaped error into a
 * 500, so a test that sees 500 has found a crash.
 */
export async function buildSecureApp(
  createApp: () => ExpressApp,
  config: SecurityConfig,
  options: { redis?: RedisCommandSender; now?: () => Date } = {},
): Promise<SecureApp> {
  const registry = new Registry();
  const audit = createAuditLog({
    destination: config.audit.destination,
    registry,
    service: 'orders',
  });
  const store = await openKeyStore(config.apiKeys);
  const secret = config.apiKeys.secret;
  if (secret === undefined) throw new Error('the fixture must configure an API-key secret');
  const manager = new ApiKeyManager({ store, secret, audit, now: options.now });
  const auth = createApiKeyAuth({
    verifier: manager,
    registry,
    audit,
    auditSuccess: config.audit.authSuccess,
  });
  const limits = createRateLimiters(config.rateLimit, { registry, audit, redis: options.redis });
  const handled = { count: 0 };
  const app = createApp();

  hardenApp(app, config.trustProxyHops);
  app.use(securityHeaders(config.headers));
  app.use(corsPolicy(config.cors, { registry, audit }));
  app.use(limits.authFailures);
  app.use(jsonBody(config.body));
  routes(app, { auth, limits, handled });
  // Four parameters: Express recognises error handlers by their arity.
  app.use(((err, _req, res, _next) => {
    res.statusCode = 500;
    res.end(JSON.stringify({ crashed: String(err) }));
  }) as ErrorHandler);

  return {
    app,
    registry,
    audit,
    manager,
    store,
    handled,
    [Symbol.asyncDispose]: async () => {
      await store.close();
      await audit.close();
    },
  };
}

function routes(
  app: ExpressApp,
  deps: {
    auth: ReturnType<typeof createApiKeyAuth>;
    limits: ReturnType<typeof createRateLimiters>;
    handled: { count: number };
  },
) {
  const { auth, limits, handled } = deps;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    handled.count += 1;
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const createOrder = validate({
    body: orderSchema,
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
  });

  app.get('/public', limits.group('default'), (_req, res) => json(res, 200, { ok: true }));
  app.get('/login-like', limits.group('login'), (_req, res) => json(res, 200, { ok: true }));
  app.get('/orders', auth.require('orders:read'), limits.group('default'), (req, res) =>
    json(res, 200, { key: getApiKeyPrincipal(req)?.id }),
  );
  app.post(
    '/orders',
    auth.require('orders:write'),
    limits.group('default'),
    createOrder,
    (req, res) => json(res, 201, createOrder.data(req).body),
  );
  app.post('/echo', createOrder, (req, res) => json(res, 200, createOrder.data(req).body));
}
