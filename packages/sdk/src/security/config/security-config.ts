import type { Secret } from '../secret.ts';
import type { RateBudget } from './setting-parsers.ts';

/** Response security headers. */
export interface HeadersConfig {
  readonly enabled: boolean;
  /** Strict-Transport-Security max-age, seconds; 0 sends no HSTS header. */
  readonly hstsMaxAgeSeconds: number;
  readonly hstsPreload: boolean;
}

/** Cross-origin resource sharing, by allow-list. */
export interface CorsConfig {
  /** Exact origins, or `['*']`; empty denies every cross-origin request. */
  readonly origins: readonly string[];
  readonly credentials: boolean;
  readonly methods: readonly string[];
  readonly allowedHeaders: readonly string[];
  readonly exposedHeaders: readonly string[];
  /** Preflight cache lifetime, seconds. */
  readonly maxAgeSeconds: number;
}

/** Request budgets per route group and for failed authentication. */
export interface RateLimitConfig {
  readonly enabled: boolean;
  /** Budgets by group name; `default` is always present. */
  readonly groups: Readonly<Record<string, RateBudget>>;
  readonly authFailures: RateBudget;
  /** IPv6 prefix length sharing one budget. */
  readonly ipv6Subnet: number;
  /** Redis URL for counters shared across replicas; undefined keeps them in memory. */
  readonly redisUrl: Secret | undefined;
  /** Let requests through when the store fails. */
  readonly failOpen: boolean;
}

/** API keys and their store. */
export interface ApiKeysConfig {
  /** HMAC key for stored key hashes. */
  readonly secret: Secret | undefined;
  /** File path or redis:// URL (may hold a password, hence secret). */
  readonly store: Secret | undefined;
  /** AES-256 key as 64 hex digits. */
  readonly storeEncryptionKey: Secret | undefined;
  /** File store re-read interval, milliseconds. */
  readonly refreshMs: number;
  /** Lifetime of new keys, days. */
  readonly ttlDays: number;
  /** How long a rotated key keeps working, hours. */
  readonly rotationOverlapHours: number;
}

/** The security audit stream. */
export interface AuditConfig {
  readonly enabled: boolean;
  /** `stderr`, `stdout` or a file path. */
  readonly destination: string;
  /** HMAC key for the chain; undefined means plain SHA-256. */
  readonly chainKey: Secret | undefined;
  readonly authSuccess: 'all' | 'throttled' | 'off';
  /** Repeats of one event are audited once per this many milliseconds. */
  readonly throttleMs: number;
}

/** Request body limits. */
export interface BodyConfig {
  /** Largest accepted body, bytes. */
  readonly limitBytes: number;
  /** Deepest accepted JSON nesting. */
  readonly maxDepth: number;
}

/** HTTP server timeouts against slow clients, all milliseconds. */
export interface ServerTimeoutsConfig {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly connectionsCheckingIntervalMs: number;
  /** Largest request header block, bytes. */
  readonly maxHeaderBytes: number;
}

/** Error reporting to Sentry; off while `dsn` is undefined. */
export interface SentryConfig {
  readonly dsn: Secret | undefined;
  readonly environment: string | undefined;
  readonly release: string | undefined;
  /** Share of error events sent, 0 to 1. */
  readonly sampleRate: number;
  /** Let Sentry install process-wide handlers for uncaught exceptions and rejections. */
  readonly captureUncaught: boolean;
}

/**
 * The resolved security configuration, frozen. Secrets are `Secret` instances, so logging the
 * whole object (as the SDK does at start) prints `[secret]` in their place.
 */
export interface SecurityConfig {
  readonly headers: HeadersConfig;
  /** Reverse proxies in front of the service; Express `trust proxy` is set to this number. */
  readonly trustProxyHops: number;
  readonly cors: CorsConfig;
  readonly rateLimit: RateLimitConfig;
  readonly apiKeys: ApiKeysConfig;
  readonly audit: AuditConfig;
  readonly body: BodyConfig;
  readonly server: ServerTimeoutsConfig;
  /** Flags set in the environment; checked against the declared flags by `resolveFeatureFlags`. */
  readonly featureFlags: Readonly<Record<string, boolean>>;
  readonly sentry: SentryConfig;
}
