import type { SecurityConfig } from '../config/security-config.ts';
import type { AuditLog } from './audit-log.ts';

/**
 * Records `config.loaded` with the security posture the service started with: what is on,
 * which origins and how many proxies are trusted, and which secrets are set (as yes/no, never
 * their values), so an audit reviewer can see when a protection was switched off.
 */
export function recordConfigLoaded(
  audit: AuditLog,
  config: SecurityConfig,
  version?: string,
): void {
  audit.record('config.loaded', {
    sdk_version: version,
    headers: config.headers.enabled,
    trust_proxy_hops: config.trustProxyHops,
    cors_origins: [...config.cors.origins],
    cors_credentials: config.cors.credentials,
    rate_limit: config.rateLimit.enabled,
    rate_limit_groups: Object.entries(config.rateLimit.groups).map(
      ([name, budget]) => `${name}=${budget.limit}/${budget.windowMs}ms`,
    ),
    rate_limit_shared: config.rateLimit.redisUrl !== undefined,
    api_keys: config.apiKeys.store !== undefined,
    audit_chain_keyed: config.audit.chainKey !== undefined,
    body_limit_bytes: config.body.limitBytes,
    sentry: config.sentry.dsn !== undefined,
    feature_flags: Object.entries(config.featureFlags).map(
      ([flag, on]) => `${flag}=${on ? 'on' : 'off'}`,
    ),
  });
}
