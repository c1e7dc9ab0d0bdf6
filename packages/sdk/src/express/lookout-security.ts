import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LookoutConfig } from '../config/lookout-config.ts';
import type { LookoutRuntime } from '../runtime.ts';
import { createApiKeyAuth } from '../security/api-keys/api-key-auth.ts';
import { ApiKeyManager, type KeyVerdict } from '../security/api-keys/api-key-manager.ts';
import { openKeyStore } from '../security/api-keys/open-key-store.ts';
import type { AuditLog } from '../security/audit/audit-log.ts';
import { corsPolicy } from '../security/cors-policy.ts';
import {
  exposeFeatureFlags,
  type FeatureFlags,
  type FlagDefaults,
  resolveFeatureFlags,
} from '../security/feature-flags.ts';
import { jsonBody } from '../security/json-body.ts';
import { createRateLimiters, type RedisCommandSender } from '../security/rate-limit.ts';
import { connectRateLimitRedis } from '../security/rate-limit-redis.ts';

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** The security parts of `useLookout`, each configured from `LOOKOUT_*` variables. */
export interface LookoutSecurity {
  /** The hash-chained audit stream (authentication, keys, rate limits, CORS, admin actions). */
  readonly audit: AuditLog;
  /** CORS by allow-list; `useLookout` mounts it already. */
  readonly cors: Middleware;
  /** The rate limiter of a route group from `LOOKOUT_RATE_LIMIT_GROUPS`; `default` is global. */
  rateLimit(group: string): Middleware;
  /** Blocks an address after too many failed authentications; mounted before any key guard. */
  readonly authFailures: Middleware;
  /**
   * Admits requests with a valid API key holding every one of `scopes` (401 otherwise, 403
   * for a missing scope). Throws at setup when no key store is configured.
   */
  requireApiKey(...scopes: string[]): Middleware;
  /** JSON body parser with the size, depth and content-type limits. */
  jsonBody(): Middleware;
  /**
   * Resolves the service's feature flags (declared here with their defaults) against
   * `LOOKOUT_FEATURE_FLAGS`, exports them as a gauge and logs the active set.
   */
  featureFlags<const D extends FlagDefaults>(declared: D): FeatureFlags<D>;
}

/** Builds the security parts for one process; the expensive connections open lazily. */
export function createLookoutSecurity(
  runtime: LookoutRuntime,
  config: LookoutConfig,
): LookoutSecurity {
  const { metrics, audit, logger, problems } = runtime;
  const security = config.security;
  const registry = metrics.registry;
  const limiters = createRateLimiters(security.rateLimit, {
    registry,
    audit,
    redis: lazyRedis(runtime, config),
    report: (kind, message, error) => problems.report(kind, message, error),
  });
  const apiKeys =
    security.apiKeys.store === undefined ? undefined : lazyApiKeyAuth(runtime, config);

  return {
    audit,
    cors: corsPolicy(security.cors, {
      registry,
      audit,
      auditThrottleMs: security.audit.throttleMs,
    }),
    rateLimit: (group) => limiters.group(group),
    authFailures: limiters.authFailures,
    requireApiKey(...scopes) {
      if (apiKeys === undefined) {
        throw new TypeError(
          'API keys are not configured: set LOOKOUT_KEY_STORE, LOOKOUT_KEY_STORE_ENCRYPTION_KEY and LOOKOUT_API_KEY_SECRET',
        );
      }
      return apiKeys.require(...scopes);
    },
    jsonBody: () => jsonBody(security.body),
    featureFlags(declared) {
      const flags = resolveFeatureFlags(declared, security.featureFlags);
      logger.info({ featureFlags: exposeFeatureFlags(flags, registry) }, 'feature flags');
      return flags;
    },
  };
}

/** Rate-limit counters in Redis when a URL is configured, connected on first use. */
function lazyRedis(runtime: LookoutRuntime, config: LookoutConfig): RedisCommandSender | undefined {
  const settings = config.security.rateLimit;
  if (settings.redisUrl === undefined) return undefined;
  let connection: ReturnType<typeof connectRateLimitRedis> | undefined;
  const connect = () => {
    connection ??= connectRateLimitRedis(settings, (error) =>
      runtime.problems.report('rate_limit.redis', 'rate-limit Redis connection problem', error),
    );
    return connection;
  };
  runtime.shutdown.onShutdown(async () => (await connection)?.close());
  return {
    async sendCommand(args) {
      const redis = await connect();
      if (redis === undefined) throw new Error('rate-limit Redis is not configured');
      return redis.sendCommand(args);
    },
  };
}

/** API-key guards over a key store opened on the first request that needs one. */
function lazyApiKeyAuth(runtime: LookoutRuntime, config: LookoutConfig) {
  const settings = config.security.apiKeys;
  let manager: Promise<ApiKeyManager> | undefined;
  const open = () => {
    manager ??= openKeyStore(settings, {
      onError: (error) => runtime.problems.report('api_keys.store', 'API key store problem', error),
    }).then(
      (store) =>
        new ApiKeyManager({ store, secret: settingsSecret(settings.secret), audit: runtime.audit }),
    );
    return manager;
  };
  const verifier = {
    verify: async (presented: string | undefined): Promise<KeyVerdict> =>
      (await open()).verify(presented),
  };
  return createApiKeyAuth({
    verifier,
    registry: runtime.metrics.registry,
    audit: runtime.audit,
    auditSuccess: config.security.audit.authSuccess,
    auditThrottleMs: config.security.audit.throttleMs,
  });
}

function settingsSecret<T>(secret: T | undefined): T {
  if (secret === undefined)
    throw new TypeError('LOOKOUT_API_KEY_SECRET must be set when LOOKOUT_KEY_STORE is');
  return secret;
}
