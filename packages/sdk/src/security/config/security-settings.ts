import {
  type AnySetting,
  decimal,
  flag,
  setting,
  text,
  wholeNumber,
  word,
  wordList,
} from '../../config/setting.ts';
import {
  aes256Key,
  budget,
  budgetGroups,
  destination,
  flagMap,
  originList,
  secretText,
} from './setting-parsers.ts';

const YEAR_SECONDS = 31_536_000;

/** Budget of the `default` route group: 300 requests a minute per key or client address. */
export const DEFAULT_GROUP_BUDGET = { limit: 300, windowMs: 60_000 } as const;

/**
 * Every security setting, read from the environment. Secret settings may also be given as a
 * file path in `<NAME>_FILE`; their values are never echoed. The table feeds validation, the
 * configuration reference and `.env.production.example`.
 */
export const SECURITY_SETTINGS = {
  LOOKOUT_SECURITY_HEADERS: setting(flag(), {
    default: true,
    expected: 'true or false',
    doc: 'Strict security headers for a JSON API (CSP, HSTS, nosniff, frame and referrer policy).',
  }),
  LOOKOUT_HSTS_MAX_AGE_SECONDS: setting(wholeNumber(0, 2 * YEAR_SECONDS), {
    default: YEAR_SECONDS,
    expected: 'seconds between 0 and 63072000',
    doc: 'Strict-Transport-Security max-age, seconds; 0 sends no HSTS header.',
  }),
  LOOKOUT_HSTS_PRELOAD: setting(flag(), {
    default: false,
    expected: 'true or false',
    doc: 'Adds `preload` to HSTS; only after the domain is submitted to the preload list.',
  }),
  LOOKOUT_TRUST_PROXY_HOPS: setting(wholeNumber(0, 10), {
    default: 0,
    expected: 'a whole number of proxies between 0 and 10',
    doc: 'Reverse proxies in front of the service; X-Forwarded-For is read this many hops deep.',
  }),
  LOOKOUT_CORS_ORIGINS: setting(originList(), {
    default: [],
    expected: 'comma-separated origins such as https://app.example.com, or *',
    doc: 'Browser origins allowed to call the API; empty denies every cross-origin request.',
  }),
  LOOKOUT_CORS_CREDENTIALS: setting(flag(), {
    default: false,
    expected: 'true or false',
    doc: 'Allows cookies and Authorization on cross-origin requests; refused together with *.',
  }),
  LOOKOUT_CORS_METHODS: setting(wordList(), {
    default: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    expected: 'comma-separated HTTP methods',
    doc: 'Methods a preflight may approve.',
  }),
  LOOKOUT_CORS_ALLOWED_HEADERS: setting(wordList(), {
    default: ['Content-Type', 'Authorization', 'X-API-Key', 'traceparent', 'tracestate', 'baggage'],
    expected: 'comma-separated header names',
    doc: 'Request headers a preflight may approve.',
  }),
  LOOKOUT_CORS_EXPOSED_HEADERS: setting(wordList(), {
    default: ['RateLimit', 'RateLimit-Policy', 'Retry-After'],
    expected: 'comma-separated header names',
    doc: 'Response headers browser code may read.',
  }),
  LOOKOUT_CORS_MAX_AGE_SECONDS: setting(wholeNumber(0, 86_400), {
    default: 600,
    expected: 'seconds between 0 and 86400',
    doc: 'How long browsers may cache a preflight answer, seconds.',
  }),
  LOOKOUT_RATE_LIMIT_ENABLED: setting(flag(), {
    default: true,
    expected: 'true or false',
    doc: 'Rate limiting per API key, or per client address for anonymous requests.',
  }),
  LOOKOUT_RATE_LIMIT_GROUPS: setting(budgetGroups(), {
    default: { default: DEFAULT_GROUP_BUDGET },
    expected: 'comma-separated group=limit/window pairs, e.g. default=300/1m,login=10/1m',
    doc: 'Request budgets per route group; windows take ms, s, m or h. `default` is always defined.',
  }),
  LOOKOUT_RATE_LIMIT_AUTH_FAILURES: setting(budget(), {
    default: { limit: 20, windowMs: 900_000 },
    expected: 'limit/window, e.g. 20/15m',
    doc: 'Failed API-key attempts allowed per client address before it gets 429.',
  }),
  LOOKOUT_RATE_LIMIT_IPV6_SUBNET: setting(wholeNumber(32, 64), {
    default: 56,
    expected: 'a prefix length between 32 and 64',
    doc: 'IPv6 clients share one budget per subnet of this size, since one host owns many addresses.',
  }),
  LOOKOUT_RATE_LIMIT_REDIS_URL: setting(secretText(8), {
    default: undefined,
    expected: 'a redis:// or rediss:// URL',
    doc: 'Redis shared by all replicas for rate-limit counters; unset keeps counters in memory.',
    secret: true,
  }),
  LOOKOUT_RATE_LIMIT_FAIL_OPEN: setting(flag(), {
    default: true,
    expected: 'true or false',
    doc: 'When the Redis store fails, let requests through (true) or answer 500 (false).',
  }),
  LOOKOUT_API_KEY_SECRET: setting(secretText(32), {
    default: undefined,
    expected: 'at least 32 characters, e.g. from `openssl rand -base64 48`',
    doc: 'Server secret for HMAC-SHA-256 of API keys; required when a key store is set.',
    secret: true,
  }),
  LOOKOUT_KEY_STORE: setting(secretText(1), {
    default: undefined,
    expected: 'a file path or a redis:// URL',
    doc: 'Where API-key records live: an encrypted file or a Redis hash. Unset disables API keys.',
    secret: true,
  }),
  LOOKOUT_KEY_STORE_ENCRYPTION_KEY: setting(aes256Key(), {
    default: undefined,
    expected: '32 bytes as 64 hex digits or base64 (`openssl rand -hex 32`)',
    doc: 'AES-256-GCM key for key-store records; give it as LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE.',
    secret: true,
  }),
  LOOKOUT_KEY_STORE_REFRESH_MS: setting(wholeNumber(100, 60_000), {
    default: 2000,
    expected: 'milliseconds between 100 and 60000',
    doc: 'How often a file key store is re-read, so revocations reach running servers, ms.',
  }),
  LOOKOUT_API_KEY_TTL_DAYS: setting(wholeNumber(1, 3650), {
    default: 90,
    expected: 'days between 1 and 3650',
    doc: 'Lifetime of a new API key unless the CLI is given another, days.',
  }),
  LOOKOUT_API_KEY_ROTATION_OVERLAP_HOURS: setting(wholeNumber(0, 720), {
    default: 24,
    expected: 'hours between 0 and 720',
    doc: 'How long a rotated key keeps working beside its successor, hours.',
  }),
  LOOKOUT_AUDIT_ENABLED: setting(flag(), {
    default: true,
    expected: 'true or false',
    doc: 'Hash-chained audit records of security events.',
  }),
  LOOKOUT_AUDIT_DESTINATION: setting(destination(), {
    default: 'stderr',
    expected: 'stderr, stdout or a file path',
    doc: 'Where audit records go; in a file, each new writer’s chain links to the last record.',
  }),
  LOOKOUT_AUDIT_CHAIN_KEY: setting(secretText(32), {
    default: undefined,
    expected: 'at least 32 characters',
    doc: 'Makes the chain an HMAC, so whoever can edit the log cannot recompute it without the key.',
    secret: true,
  }),
  LOOKOUT_AUDIT_AUTH_SUCCESS: setting(word(['all', 'throttled', 'off']), {
    default: 'throttled',
    expected: 'all, throttled or off',
    doc: 'Successful authentications audited: each, once per key and address per throttle, none.',
  }),
  LOOKOUT_AUDIT_THROTTLE_MS: setting(wholeNumber(1000, 86_400_000), {
    default: 60_000,
    expected: 'milliseconds between 1000 and 86400000',
    doc: 'Repeats of one successful login or one refused origin are audited once per this, ms.',
  }),
  LOOKOUT_BODY_LIMIT_BYTES: setting(wholeNumber(1, 50 * 1024 * 1024), {
    default: 100 * 1024,
    expected: 'bytes between 1 and 52428800',
    doc: 'Largest accepted JSON body, bytes; larger bodies get 413.',
  }),
  LOOKOUT_JSON_MAX_DEPTH: setting(wholeNumber(1, 1000), {
    default: 32,
    expected: 'a nesting depth between 1 and 1000',
    doc: 'Deepest accepted JSON nesting; deeper documents get 400.',
  }),
  LOOKOUT_HEADERS_TIMEOUT_MS: setting(wholeNumber(1000, 600_000), {
    default: 10_000,
    expected: 'milliseconds between 1000 and 600000',
    doc: 'Time a client has to send all request headers (slowloris defence), ms.',
  }),
  LOOKOUT_REQUEST_TIMEOUT_MS: setting(wholeNumber(1000, 3_600_000), {
    default: 30_000,
    expected: 'milliseconds between 1000 and 3600000, not below the headers timeout',
    doc: 'Time a client has to send the whole request, ms.',
  }),
  LOOKOUT_KEEP_ALIVE_TIMEOUT_MS: setting(wholeNumber(0, 600_000), {
    default: 5000,
    expected: 'milliseconds between 0 and 600000',
    doc: 'Idle keep-alive time; behind a load balancer make it longer than the balancer’s, ms.',
  }),
  LOOKOUT_CONNECTIONS_CHECK_INTERVAL_MS: setting(wholeNumber(100, 60_000), {
    default: 1000,
    expected: 'milliseconds between 100 and 60000',
    doc: 'How often Node enforces the two timeouts above (Node’s own default is 30 s), ms.',
  }),
  LOOKOUT_MAX_HEADER_BYTES: setting(wholeNumber(1024, 65_536), {
    default: 16_384,
    expected: 'bytes between 1024 and 65536',
    doc: 'Largest accepted request header block, bytes; larger gets 431.',
  }),
  LOOKOUT_FEATURE_FLAGS: setting(flagMap(), {
    default: {},
    expected: 'comma-separated name=on|off pairs; a bare name means on',
    doc: 'Feature flags; names must be declared by the service.',
  }),
  SENTRY_DSN: setting(secretText(8), {
    default: undefined,
    expected: 'a Sentry DSN URL',
    doc: 'Turns error reporting to Sentry on.',
    secret: true,
  }),
  SENTRY_ENVIRONMENT: setting(text(), {
    default: undefined,
    expected: 'an environment name',
    doc: 'Sentry environment; defaults to the service environment.',
  }),
  SENTRY_RELEASE: setting(text(), {
    default: undefined,
    expected: 'a release name',
    doc: 'Sentry release; defaults to the service version.',
  }),
  LOOKOUT_SENTRY_SAMPLE_RATE: setting(decimal(0, 1), {
    default: 1,
    expected: 'a ratio between 0 and 1',
    doc: 'Share of errors sent to Sentry.',
  }),
  LOOKOUT_SENTRY_CAPTURE_UNCAUGHT: setting(flag(), {
    default: false,
    expected: 'true or false',
    doc: 'Lets Sentry install uncaughtException/unhandledRejection handlers to report crashes.',
  }),
} satisfies Record<string, AnySetting>;

/** The names of the security settings. */
export type SecuritySettingName = keyof typeof SECURITY_SETTINGS;
