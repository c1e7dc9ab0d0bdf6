/**
 * Every Prometheus metric name and label the SDK emits, defined once.
 *
 * Dashboards and alert rules import these constants instead of retyping the strings, so a
 * rename here fails their build instead of leaving a panel or an alert silently empty.
 * Units are part of the name, as Prometheus conventions ask.
 */

/** HTTP server request duration, seconds; OpenTelemetry `http.server.request.duration`. */
export const HTTP_SERVER_REQUEST_DURATION = 'http_server_request_duration_seconds';
/**
 * Bucket boundaries of the HTTP duration histogram, seconds: the ones the OpenTelemetry HTTP
 * semantic conventions advise. Latency SLO thresholds must be one of them.
 */
export const HTTP_DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
]);

/** Requests in flight; OpenTelemetry `http.server.active_requests`. */
export const HTTP_SERVER_ACTIVE_REQUESTS = 'http_server_active_requests';

/**
 * Resource attributes as Prometheus labels. The SDK sets `deployment.environment.name`; the sidecar
 * writes it onto every series it scrapes under its Prometheus spelling (dots become underscores),
 * and Loki indexes it as a stream label of the same name. Dashboards and alerts group by it.
 */
export const RESOURCE_LABELS = {
  environment: 'deployment_environment_name',
} as const;

/** Label names of the HTTP server metrics, as the stable semantic conventions spell them. */
export const HTTP_LABELS = {
  method: 'http_request_method',
  route: 'http_route',
  statusCode: 'http_response_status_code',
} as const;

/** The `http_route` value shared by every request that matched no route. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Exemplar label carrying the trace id, the same name Grafana's exemplar link uses. */
export const EXEMPLAR_TRACE_ID_LABEL = 'trace_id';

/**
 * Node.js runtime metrics. prom-client's own names are kept so community Node.js dashboards work
 * unchanged; the last three are Lookout's additions for utilisation and heap headroom.
 */
export const RUNTIME_METRICS = {
  cpuUserSeconds: 'process_cpu_user_seconds_total',
  cpuSystemSeconds: 'process_cpu_system_seconds_total',
  cpuSeconds: 'process_cpu_seconds_total',
  residentMemory: 'process_resident_memory_bytes',
  startTime: 'process_start_time_seconds',
  openFds: 'process_open_fds',
  maxFds: 'process_max_fds',
  eventLoopLag: 'nodejs_eventloop_lag_seconds',
  eventLoopLagP50: 'nodejs_eventloop_lag_p50_seconds',
  eventLoopLagP90: 'nodejs_eventloop_lag_p90_seconds',
  eventLoopLagP99: 'nodejs_eventloop_lag_p99_seconds',
  eventLoopLagMax: 'nodejs_eventloop_lag_max_seconds',
  heapUsed: 'nodejs_heap_size_used_bytes',
  heapTotal: 'nodejs_heap_size_total_bytes',
  heapSpaceUsed: 'nodejs_heap_space_size_used_bytes',
  heapSpaceTotal: 'nodejs_heap_space_size_total_bytes',
  heapSpaceAvailable: 'nodejs_heap_space_size_available_bytes',
  externalMemory: 'nodejs_external_memory_bytes',
  activeHandles: 'nodejs_active_handles_total',
  activeRequests: 'nodejs_active_requests_total',
  activeResources: 'nodejs_active_resources_total',
  gcDuration: 'nodejs_gc_duration_seconds',
  versionInfo: 'nodejs_version_info',
  eventLoopUtilization: 'nodejs_eventloop_utilization_ratio',
  heapSizeLimit: 'nodejs_heap_size_limit_bytes',
} as const;

/** Label names prom-client uses on the runtime metrics. */
export const RUNTIME_LABELS = {
  /** V8 heap space (`new`, `old`, `code`...) on the heap-space metrics. */
  heapSpace: 'space',
  /** GC kind (`minor`, `major`, `incremental`, `weakcb`) on `nodejs_gc_duration_seconds`. */
  gcKind: 'kind',
  /** Node.js version on `nodejs_version_info`. */
  nodeVersion: 'version',
} as const;

/** Lookout's own metrics: telemetry health, health checks, security, configuration. */
export const LOOKOUT_METRICS = {
  /** Telemetry failures inside the service (export errors, dropped items), by signal and reason. */
  telemetryErrors: 'lookout_telemetry_errors_total',
  /** Spans and log records dropped by the bounded in-process queues, by signal. */
  telemetryDropped: 'lookout_telemetry_dropped_total',
  /** 1 when the named readiness check passed on its last run, else 0. */
  healthCheckStatus: 'lookout_health_check_status',
  /** Readiness check duration, seconds. */
  healthCheckDuration: 'lookout_health_check_duration_seconds',
  /** API-key authentication attempts, by result (`success`, `failure`) and reason. */
  authAttempts: 'lookout_auth_attempts_total',
  /** Requests refused by the rate limiter, by route group. */
  rateLimitHits: 'lookout_rate_limit_hits_total',
  /** Cross-origin requests refused by the CORS allow-list. */
  corsRejections: 'lookout_cors_rejections_total',
  /** Audit records written, by event type. */
  auditEvents: 'lookout_audit_events_total',
  /** 1 for each feature flag that is on, 0 for each that is off. */
  featureFlag: 'lookout_feature_flag_enabled',
  /** Constant 1 carrying the service's version and the SDK's version as labels. */
  buildInfo: 'lookout_build_info',
} as const;

/** Label names of Lookout's own metrics. */
export const LOOKOUT_LABELS = {
  signal: 'signal',
  reason: 'reason',
  check: 'check',
  result: 'result',
  group: 'group',
  event: 'event',
  flag: 'flag',
} as const;
