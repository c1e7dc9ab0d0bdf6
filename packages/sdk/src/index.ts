/**
 * @lookout/sdk: traces, logs, metrics, health, graceful shutdown and RFC 9457 errors for Express
 * services. Start with `node --import @lookout/sdk/register app.js`, then `useLookout(app)`.
 */

export type { ConfigIssue } from './config/config-error.ts';
export { LookoutConfigError } from './config/config-error.ts';
export type { LoadConfigInput } from './config/load-config.ts';
export { loadConfig } from './config/load-config.ts';
export type { LookoutConfig } from './config/lookout-config.ts';
export type { LookoutOptions } from './config/options.ts';
export type { ProblemDocument } from './errors/problem-details.ts';
export { HttpProblem, sendProblem } from './errors/problem-details.ts';
export type { LookoutSecurity } from './express/lookout-security.ts';
export type { Lookout } from './express/use-lookout.ts';
export { useLookout } from './express/use-lookout.ts';
export type {
  CheckResult,
  Health,
  HealthCheck,
  HealthCheckOptions,
  ReadinessReport,
} from './health/health.ts';
export type { Logger } from './logging/create-logger.ts';
export type { MetricsRegistry } from './metrics/metrics-registry.ts';
export {
  HTTP_LABELS,
  HTTP_SERVER_REQUEST_DURATION,
  LOOKOUT_METRICS,
  RUNTIME_METRICS,
} from './metrics/names.ts';
export type { LookoutRuntime } from './runtime.ts';
export { currentLookout, startLookout } from './runtime.ts';
export type { AuditEvent, AuditLog } from './security/audit/audit-log.ts';
export type { FeatureFlags } from './security/feature-flags.ts';
export { readSecret, Secret } from './security/secret.ts';
export type { RequestSchemas, Validated, ValidateMiddleware } from './security/validate.ts';
export { validate } from './security/validate.ts';
export type { ShutdownHook, ShutdownResult } from './shutdown/shutdown.ts';
