import type { AnySetting } from '../../src/config/setting.ts';
import { LOOKOUT_SETTINGS, OTEL_SETTINGS } from '../../src/config/settings.ts';
import { SECURITY_SETTINGS } from '../../src/security/config/security-settings.ts';

/** Every setting the SDK reads, by variable name: the three tables load-config validates. */
export const ALL_SETTINGS: Readonly<Record<string, AnySetting>> = {
  ...OTEL_SETTINGS,
  ...LOOKOUT_SETTINGS,
  ...SECURITY_SETTINGS,
};

export type SettingName =
  | keyof typeof OTEL_SETTINGS
  | keyof typeof LOOKOUT_SETTINGS
  | keyof typeof SECURITY_SETTINGS;

/** A group of settings as the reference and the template present them. */
export interface Section {
  readonly title: string;
  /** What the group is for, in a sentence or two; Markdown code spans allowed. */
  readonly intro: string;
  readonly names: readonly SettingName[];
}

/**
 * The order a reader meets the settings in: where telemetry goes, what the service is, then
 * what protects it. A setting added to a table but not placed here fails the generator.
 */
export const SECTIONS: readonly Section[] = [
  {
    title: 'OpenTelemetry',
    intro:
      'The standard variables of the OpenTelemetry specification that Lookout reads, with the ' +
      'meaning the specification gives them. Spans and log records go over OTLP/HTTP to the ' +
      'sidecar, whose own settings are in docs/sidecar-settings.md.',
    names: Object.keys(OTEL_SETTINGS) as (keyof typeof OTEL_SETTINGS)[],
  },
  {
    title: 'Service identity',
    intro: 'Resource attributes on every span, log record, metric and Sentry event.',
    names: ['LOOKOUT_SERVICE_VERSION', 'LOOKOUT_SERVICE_NAMESPACE', 'LOOKOUT_ENVIRONMENT'],
  },
  {
    title: 'Logs',
    intro:
      'JSON lines on stdout, and the same records over OTLP. Values under sensitive keys and ' +
      'credential-shaped text are redacted before a line is written or a span is exported.',
    names: ['LOOKOUT_LOG_LEVEL', 'LOOKOUT_LOG_REDACT_KEYS'],
  },
  {
    title: 'Metrics',
    intro: 'The Prometheus endpoint the sidecar scrapes.',
    names: ['LOOKOUT_METRICS_PATH', 'LOOKOUT_METRICS_ALLOW_FROM', 'LOOKOUT_METRICS_RUNTIME'],
  },
  {
    title: 'Health and shutdown',
    intro:
      'Liveness and readiness endpoints, and the order of a graceful shutdown: readiness turns ' +
      '503, the delay passes, in-flight requests get the grace period, then telemetry is flushed.',
    names: [
      'LOOKOUT_HEALTH_LIVE_PATH',
      'LOOKOUT_HEALTH_READY_PATH',
      'LOOKOUT_HEALTH_CHECK_TIMEOUT_MS',
      'LOOKOUT_SHUTDOWN_DELAY_MS',
      'LOOKOUT_SHUTDOWN_GRACE_MS',
      'LOOKOUT_SHUTDOWN_TIMEOUT_MS',
    ],
  },
  {
    title: 'Admin endpoints',
    intro: 'Operational endpoints a service mounts behind `lookout.adminAuth()`.',
    names: ['LOOKOUT_ADMIN_TOKEN'],
  },
  {
    title: 'Security headers',
    intro: 'Response headers for a JSON API, which nothing should render, frame or embed.',
    names: ['LOOKOUT_SECURITY_HEADERS', 'LOOKOUT_HSTS_MAX_AGE_SECONDS', 'LOOKOUT_HSTS_PRELOAD'],
  },
  {
    title: 'Proxies',
    intro:
      'How far `X-Forwarded-For` is believed: set the hop count to exactly the number of ' +
      'proxies that append to it, since one too many lets clients choose their address again.',
    names: ['LOOKOUT_TRUST_PROXY_HOPS'],
  },
  {
    title: 'CORS',
    intro: 'Cross-origin access is denied unless an origin is listed.',
    names: [
      'LOOKOUT_CORS_ORIGINS',
      'LOOKOUT_CORS_CREDENTIALS',
      'LOOKOUT_CORS_METHODS',
      'LOOKOUT_CORS_ALLOWED_HEADERS',
      'LOOKOUT_CORS_EXPOSED_HEADERS',
      'LOOKOUT_CORS_MAX_AGE_SECONDS',
    ],
  },
  {
    title: 'Rate limits',
    intro:
      'Request budgets per route group. With several replicas, share the counters through ' +
      'Redis, or each replica grants the full budget.',
    names: [
      'LOOKOUT_RATE_LIMIT_ENABLED',
      'LOOKOUT_RATE_LIMIT_GROUPS',
      'LOOKOUT_RATE_LIMIT_AUTH_FAILURES',
      'LOOKOUT_RATE_LIMIT_IPV6_SUBNET',
      'LOOKOUT_RATE_LIMIT_REDIS_URL',
      'LOOKOUT_RATE_LIMIT_FAIL_OPEN',
    ],
  },
  {
    title: 'API keys',
    intro:
      'Keys are stored as HMACs only, in an encrypted file or Redis hash, and managed with the ' +
      '`lookout-keys` command.',
    names: [
      'LOOKOUT_API_KEY_SECRET',
      'LOOKOUT_KEY_STORE',
      'LOOKOUT_KEY_STORE_ENCRYPTION_KEY',
      'LOOKOUT_KEY_STORE_REFRESH_MS',
      'LOOKOUT_API_KEY_TTL_DAYS',
      'LOOKOUT_API_KEY_ROTATION_OVERLAP_HOURS',
    ],
  },
  {
    title: 'Audit log',
    intro:
      'Security events as hash-chained JSON lines, apart from the application log; verify ' +
      'them with `lookout-audit verify`.',
    names: [
      'LOOKOUT_AUDIT_ENABLED',
      'LOOKOUT_AUDIT_DESTINATION',
      'LOOKOUT_AUDIT_CHAIN_KEY',
      'LOOKOUT_AUDIT_AUTH_SUCCESS',
      'LOOKOUT_AUDIT_THROTTLE_MS',
    ],
  },
  {
    title: 'Request limits and timeouts',
    intro: 'What one request may cost the server in bytes, nesting and time.',
    names: [
      'LOOKOUT_BODY_LIMIT_BYTES',
      'LOOKOUT_JSON_MAX_DEPTH',
      'LOOKOUT_MAX_HEADER_BYTES',
      'LOOKOUT_HEADERS_TIMEOUT_MS',
      'LOOKOUT_REQUEST_TIMEOUT_MS',
      'LOOKOUT_KEEP_ALIVE_TIMEOUT_MS',
      'LOOKOUT_CONNECTIONS_CHECK_INTERVAL_MS',
    ],
  },
  {
    title: 'Feature flags',
    intro: 'Overrides for the flags a service declares; an undeclared name stops the start.',
    names: ['LOOKOUT_FEATURE_FLAGS'],
  },
  {
    title: 'Sentry',
    intro:
      'Error reporting, off until `SENTRY_DSN` is set. `@sentry/node` is an optional peer ' +
      'dependency: a service that sets a DSN installs it beside the SDK ' +
      '(`pnpm add @sentry/node@^11.12.0`), or it refuses to start with an error naming the ' +
      'package. Events pass the same scrubbing as logs and spans.',
    names: [
      'SENTRY_DSN',
      'SENTRY_ENVIRONMENT',
      'SENTRY_RELEASE',
      'LOOKOUT_SENTRY_SAMPLE_RATE',
      'LOOKOUT_SENTRY_CAPTURE_UNCAUGHT',
    ],
  },
];

/** Settings placed in no section, or in more than one: each must be placed exactly once. */
export function misplacedSettings(sections: readonly Section[] = SECTIONS): string[] {
  const placed = sections.flatMap((section) => section.names as readonly string[]);
  const once = (name: string) => placed.filter((other) => other === name).length === 1;
  const unknown = placed.filter((name) => !(name in ALL_SETTINGS));
  return [...Object.keys(ALL_SETTINGS).filter((name) => !once(name)), ...unknown];
}
