/**
 * Security hardening for Express services: configuration, headers, CORS, rate limits, API keys,
 * input validation, server timeouts, the audit log, Sentry and feature flags. Each part is a
 * factory taking its dependencies (configuration, metrics registry, audit log) explicitly, so
 * `useLookout(app)` wires them together and a service can also use any one alone.
 */

export { type ApiKeyAuth, type ApiKeyAuthDeps, createApiKeyAuth } from './api-keys/api-key-auth.ts';
export {
  ApiKeyError,
  ApiKeyManager,
  type ApiKeyManagerOptions,
  type IssuedKey,
  type KeyRefusal,
  type KeyVerdict,
} from './api-keys/api-key-manager.ts';
export { FileKeyStore, type FileKeyStoreOptions } from './api-keys/file-key-store.ts';
export { KEY_PREFIX, KEY_SCAN_PATTERN } from './api-keys/key-format.ts';
export type { KeyRecord, KeyStatus } from './api-keys/key-record.ts';
export type { KeyStore } from './api-keys/key-store.ts';
export { type OpenKeyStoreDeps, openKeyStore } from './api-keys/open-key-store.ts';
export { type ApiKeyPrincipal, getApiKeyPrincipal } from './api-keys/principal.ts';
export { RecordCipher } from './api-keys/record-cipher.ts';
export { type RedisHashClient, RedisKeyStore } from './api-keys/redis-key-store.ts';
export {
  type AuditEvent,
  type AuditLog,
  type AuditLogOptions,
  type AuditValue,
  auditLogFromConfig,
  createAuditLog,
  disabledAuditLog,
} from './audit/audit-log.ts';
export { recordConfigLoaded } from './audit/config-loaded.ts';
export {
  type VerifyOptions,
  type VerifyResult,
  verifyAuditFile,
  verifyAuditLines,
} from './audit/verify-audit.ts';
export {
  parseSecurityEnv,
  readSecurityValues,
  resolveSecurityConfig,
  securityConfigSchema,
} from './config/parse-security-env.ts';
export type {
  ApiKeysConfig,
  AuditConfig,
  BodyConfig,
  CorsConfig,
  HeadersConfig,
  RateLimitConfig,
  SecurityConfig,
  SentryConfig,
  ServerTimeoutsConfig,
} from './config/security-config.ts';
export { SECURITY_SETTINGS, type SecuritySettingName } from './config/security-settings.ts';
export type { RateBudget } from './config/setting-parsers.ts';
export { CorsConfigError, type CorsDeps, corsPolicy } from './cors-policy.ts';
export {
  exposeFeatureFlags,
  type FeatureFlags,
  type FlagDefaults,
  resolveFeatureFlags,
} from './feature-flags.ts';
export { jsonBody } from './json-body.ts';
export {
  createRateLimiters,
  type RateLimitDeps,
  type RateLimiters,
  type RedisCommandSender,
  UnknownRateLimitGroupError,
} from './rate-limit.ts';
export { connectRateLimitRedis, type RateLimitRedis } from './rate-limit-redis.ts';
export { readSecret, Secret } from './secret.ts';
export { hardenApp, type SettableApp, securityHeaders } from './security-headers.ts';
export { type SecurityMetrics, securityMetrics } from './security-metrics.ts';
export {
  initSentry,
  type ScrubbableEvent,
  type SentryHandle,
  type SentryOptions,
  scrubEvent,
} from './sentry.ts';
export { applyServerTimeouts, serverOptions } from './server-timeouts.ts';
export {
  type RequestSchemas,
  type Validated,
  type ValidateMiddleware,
  validate,
} from './validate.ts';
