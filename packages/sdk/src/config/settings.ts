import {
  type AnySetting,
  decimal,
  flag,
  httpUrl,
  keyValueList,
  setting,
  text,
  urlPath,
  wholeNumber,
  word,
  wordList,
} from './setting.ts';

const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/** Instrumentations Lookout ships; `fs`, `dns` and `net` are deliberately absent (too noisy). */
export const INSTRUMENTATION_NAMES = [
  'http',
  'express',
  'undici',
  'redis',
  'ioredis',
  'pg',
  'mysql2',
  'mongodb',
  'grpc',
  'kafkajs',
] as const;

/** Resource detectors that never leave the host; cloud metadata probes are not shipped. */
export const RESOURCE_DETECTORS = [
  'env',
  'host',
  'os',
  'process',
  'container',
  'serviceinstance',
] as const;

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
const DIAG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'] as const;

/** The standard OpenTelemetry variables Lookout honours. */
export const OTEL_SETTINGS = {
  OTEL_SDK_DISABLED: setting(flag(), {
    default: false,
    expected: 'true or false',
    doc: 'Turns tracing and OTLP log export off; metrics, logs to stdout and health stay on.',
  }),
  OTEL_SERVICE_NAME: setting(text(), {
    default: undefined,
    expected: 'a service name',
    doc: 'Service name on every signal; defaults to the name in ./package.json.',
    option: 'service.name',
  }),
  OTEL_RESOURCE_ATTRIBUTES: setting(keyValueList(), {
    default: {},
    expected: 'comma-separated key=value pairs, values percent-encoded',
    doc: 'Extra resource attributes, e.g. service.namespace=shop,team=payments.',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: setting(httpUrl(), {
    default: 'http://localhost:4318',
    expected: 'an absolute http(s) URL',
    doc: 'Base URL of the OTLP/HTTP receiver (the sidecar); /v1/traces and /v1/logs are appended.',
  }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: setting(httpUrl(), {
    default: undefined,
    expected: 'an absolute http(s) URL',
    doc: 'Full URL for spans, used as given; overrides the base endpoint.',
  }),
  OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: setting(httpUrl(), {
    default: undefined,
    expected: 'an absolute http(s) URL',
    doc: 'Full URL for log records, used as given; overrides the base endpoint.',
  }),
  OTEL_EXPORTER_OTLP_PROTOCOL: setting(word(['http/protobuf']), {
    default: 'http/protobuf',
    expected: 'http/protobuf (the only protocol Lookout exports)',
    doc: 'OTLP transport; Lookout always sends protobuf over HTTP.',
  }),
  OTEL_EXPORTER_OTLP_HEADERS: setting(keyValueList(), {
    default: {},
    expected: 'comma-separated key=value pairs',
    doc: 'Headers sent with every OTLP request (e.g. authentication for a managed backend).',
    secret: true,
  }),
  OTEL_EXPORTER_OTLP_TIMEOUT: setting(wholeNumber(1, 120_000), {
    default: 10_000,
    expected: 'milliseconds between 1 and 120000',
    doc: 'Timeout of one OTLP export request, milliseconds.',
  }),
  OTEL_TRACES_EXPORTER: setting(word(['otlp', 'none']), {
    default: 'otlp',
    expected: 'otlp or none',
    doc: 'Where spans go; none keeps tracing context but exports nothing.',
  }),
  OTEL_LOGS_EXPORTER: setting(word(['otlp', 'none']), {
    default: 'otlp',
    expected: 'otlp or none',
    doc: 'Whether log records are also exported over OTLP (stdout always gets them).',
  }),
  OTEL_TRACES_SAMPLER: setting(word(SAMPLERS), {
    default: 'parentbased_always_on',
    expected: `one of ${SAMPLERS.join(', ')}`,
    doc: 'Sampler; parent-based samplers follow the caller’s decision.',
  }),
  OTEL_TRACES_SAMPLER_ARG: setting(decimal(0, 1), {
    default: 1,
    expected: 'a ratio between 0 and 1',
    doc: 'Sampling ratio for the traceidratio samplers.',
  }),
  OTEL_PROPAGATORS: setting(wordList(['tracecontext', 'baggage', 'none']), {
    default: ['tracecontext', 'baggage'],
    expected: 'a comma-separated list of tracecontext, baggage, none',
    doc: 'Context propagation formats.',
  }),
  OTEL_BSP_MAX_QUEUE_SIZE: setting(wholeNumber(1, 1_000_000), {
    default: 2048,
    expected: 'a whole number between 1 and 1000000',
    doc: 'Spans held in memory awaiting export; beyond it spans are dropped and counted.',
  }),
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: setting(wholeNumber(1, 1_000_000), {
    default: 512,
    expected: 'a whole number between 1 and 1000000',
    doc: 'Spans per OTLP request.',
  }),
  OTEL_BSP_SCHEDULE_DELAY: setting(wholeNumber(1, 600_000), {
    default: 1000,
    expected: 'milliseconds between 1 and 600000',
    doc: 'Delay between span exports, milliseconds.',
  }),
  OTEL_BLRP_MAX_QUEUE_SIZE: setting(wholeNumber(1, 1_000_000), {
    default: 2048,
    expected: 'a whole number between 1 and 1000000',
    doc: 'Log records held awaiting export; beyond it records are dropped from OTLP and counted.',
  }),
  OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: setting(wholeNumber(1, 1_000_000), {
    default: 512,
    expected: 'a whole number between 1 and 1000000',
    doc: 'Log records per OTLP request.',
  }),
  OTEL_BLRP_SCHEDULE_DELAY: setting(wholeNumber(1, 600_000), {
    default: 1000,
    expected: 'milliseconds between 1 and 600000',
    doc: 'Delay between log exports, milliseconds.',
  }),
  OTEL_NODE_ENABLED_INSTRUMENTATIONS: setting(wordList(INSTRUMENTATION_NAMES), {
    default: [...INSTRUMENTATION_NAMES],
    expected: `a comma-separated list of ${INSTRUMENTATION_NAMES.join(', ')}`,
    doc: 'Instrumentations to turn on (all by default).',
  }),
  OTEL_NODE_DISABLED_INSTRUMENTATIONS: setting(wordList(INSTRUMENTATION_NAMES), {
    default: [],
    expected: `a comma-separated list of ${INSTRUMENTATION_NAMES.join(', ')}`,
    doc: 'Instrumentations to turn off; applied after the enabled list.',
  }),
  OTEL_NODE_RESOURCE_DETECTORS: setting(wordList(RESOURCE_DETECTORS), {
    default: [...RESOURCE_DETECTORS],
    expected: `a comma-separated list of ${RESOURCE_DETECTORS.join(', ')}`,
    doc: 'Resource detectors; none of them probes cloud metadata endpoints.',
  }),
  OTEL_LOG_LEVEL: setting(word(DIAG_LEVELS), {
    default: 'warn',
    expected: `one of ${DIAG_LEVELS.join(', ')}`,
    doc: 'Verbosity of the SDK’s own diagnostics on stderr.',
  }),
} satisfies Record<string, AnySetting>;

/** Lookout's own variables. */
export const LOOKOUT_SETTINGS = {
  LOOKOUT_SERVICE_VERSION: setting(text(), {
    default: undefined,
    expected: 'a version string',
    doc: 'service.version; defaults to the version in ./package.json.',
    option: 'service.version',
  }),
  LOOKOUT_SERVICE_NAMESPACE: setting(text(), {
    default: undefined,
    expected: 'a namespace',
    doc: 'service.namespace, e.g. the team or system name.',
    option: 'service.namespace',
  }),
  LOOKOUT_ENVIRONMENT: setting(text(), {
    default: undefined,
    expected: 'an environment name',
    doc: 'deployment.environment.name; defaults to NODE_ENV, then "production".',
    option: 'service.environment',
  }),
  LOOKOUT_LOG_LEVEL: setting(word(LOG_LEVELS), {
    default: 'info',
    expected: `one of ${LOG_LEVELS.join(', ')}`,
    doc: 'Minimum level of the application logger.',
    option: 'logs.level',
  }),
  LOOKOUT_LOG_REDACT_KEYS: setting(wordList(), {
    default: [],
    expected: 'a comma-separated list of keys',
    doc: 'Keys redacted in logs, spans and Sentry events besides the built-in secret list.',
    option: 'logs.redactKeys',
  }),
  LOOKOUT_METRICS_PATH: setting(urlPath(), {
    default: '/metrics',
    expected: 'a path such as /metrics',
    doc: 'Path of the Prometheus endpoint.',
    option: 'metrics.path',
  }),
  LOOKOUT_METRICS_ALLOW_FROM: setting(wordList(), {
    default: ['loopback'],
    expected: 'a comma-separated list of loopback, private, any or IP/CIDR entries',
    doc: 'Clients allowed to scrape /metrics, by socket address (never X-Forwarded-For).',
    option: 'metrics.allowFrom',
  }),
  LOOKOUT_METRICS_RUNTIME: setting(flag(), {
    default: true,
    expected: 'true or false',
    doc: 'Node.js runtime metrics (event loop, heap, GC, CPU).',
    option: 'metrics.runtime',
  }),
  LOOKOUT_HEALTH_LIVE_PATH: setting(urlPath(), {
    default: '/livez',
    expected: 'a path such as /livez',
    doc: 'Liveness endpoint: answers 200 while the process can serve.',
    option: 'health.livePath',
  }),
  LOOKOUT_HEALTH_READY_PATH: setting(urlPath(), {
    default: '/readyz',
    expected: 'a path such as /readyz',
    doc: 'Readiness endpoint: 503 while a check fails or shutdown has begun.',
    option: 'health.readyPath',
  }),
  LOOKOUT_HEALTH_CHECK_TIMEOUT_MS: setting(wholeNumber(1, 60_000), {
    default: 2000,
    expected: 'milliseconds between 1 and 60000',
    doc: 'Default timeout of one readiness check, milliseconds.',
    option: 'health.checkTimeoutMs',
  }),
  LOOKOUT_SHUTDOWN_DELAY_MS: setting(wholeNumber(0, 120_000), {
    default: 0,
    expected: 'milliseconds between 0 and 120000',
    doc: 'Time between readiness turning 503 and the server closing, so load balancers notice.',
    option: 'shutdown.delayMs',
  }),
  LOOKOUT_SHUTDOWN_GRACE_MS: setting(wholeNumber(0, 600_000), {
    default: 10_000,
    expected: 'milliseconds between 0 and 600000',
    doc: 'Time in-flight requests get to finish after the server stops accepting.',
    option: 'shutdown.graceMs',
  }),
  LOOKOUT_ADMIN_TOKEN: setting(text(), {
    default: undefined,
    expected: 'a token (or LOOKOUT_ADMIN_TOKEN_FILE naming a file holding one)',
    doc: 'Bearer token for admin endpoints; unset, they answer 404 to everyone.',
    secret: true,
  }),
  LOOKOUT_SHUTDOWN_TIMEOUT_MS: setting(wholeNumber(100, 120_000), {
    default: 5000,
    expected: 'milliseconds between 100 and 120000',
    doc: 'Deadline for flushing logs, spans and metrics once requests have drained.',
    option: 'shutdown.timeoutMs',
  }),
} satisfies Record<string, AnySetting>;
