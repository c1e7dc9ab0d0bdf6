/**
 * The sidecar's own telemetry, as its binary serves it on :8888 in Prometheus text form.
 *
 * Dashboards and alert rules import these constants so that a collector upgrade that renames a
 * metric fails their build, not a 3 a.m. page. The names were read off the built binary (and are
 * checked against it by test/telemetry-metrics.test.ts). The collector exposes them without unit
 * or `_total` suffixes (`without_units` and `without_type_suffix` are pinned in
 * config/sidecar.yaml), so a counter reads `otelcol_exporter_sent_spans`, not `..._total`.
 *
 * Counters appear only once something has been counted: the receiver, processor and
 * exporter counters after the first data, the failure counters after the first failure. Only
 * the names in {@link SIDECAR_METRICS_AT_IDLE} exist from start-up on; query the others with
 * `or vector(0)` where an absent series must read as zero.
 */

// Receivers, per signal: what the OTLP receiver and the scraper took in, refused (memory
// pressure or a full queue behind them, so the sender may retry) or failed on.
/** Spans accepted by a receiver. Labels: receiver, transport. */
export const RECEIVER_ACCEPTED_SPANS = 'otelcol_receiver_accepted_spans';
/** Spans refused by the pipeline (memory limiter or a full queue); the sender got a 503. */
export const RECEIVER_REFUSED_SPANS = 'otelcol_receiver_refused_spans';
/** Spans that failed in the pipeline for any other reason. */
export const RECEIVER_FAILED_SPANS = 'otelcol_receiver_failed_spans';
/** Log records accepted by a receiver. */
export const RECEIVER_ACCEPTED_LOG_RECORDS = 'otelcol_receiver_accepted_log_records';
/** Log records refused by the pipeline; the sender got a 503. */
export const RECEIVER_REFUSED_LOG_RECORDS = 'otelcol_receiver_refused_log_records';
/** Log records that failed in the pipeline for any other reason. */
export const RECEIVER_FAILED_LOG_RECORDS = 'otelcol_receiver_failed_log_records';
/** Metric data points accepted, from the scrape (receiver="prometheus") or OTLP. */
export const RECEIVER_ACCEPTED_METRIC_POINTS = 'otelcol_receiver_accepted_metric_points';
/** Metric data points refused by the pipeline; a refused scrape is lost, not retried. */
export const RECEIVER_REFUSED_METRIC_POINTS = 'otelcol_receiver_refused_metric_points';
/** Metric data points that failed in the pipeline for any other reason. */
export const RECEIVER_FAILED_METRIC_POINTS = 'otelcol_receiver_failed_metric_points';

// Exporters, per signal. "Sent" means accepted by the backend, except for
// prometheus_remote_write, where it means written to the write-ahead log (see PRW_* below).
/** Spans the backend accepted. Labels: exporter, server_address, server_port, url_path. */
export const EXPORTER_SENT_SPANS = 'otelcol_exporter_sent_spans';
/** Spans dropped after retries ran out (max_elapsed_time) or on a permanent error. Lost. */
export const EXPORTER_SEND_FAILED_SPANS = 'otelcol_exporter_send_failed_spans';
/** Spans refused because the sending queue was full. Lost unless the sender retries. */
export const EXPORTER_ENQUEUE_FAILED_SPANS = 'otelcol_exporter_enqueue_failed_spans';
/** Log records the backend accepted. */
export const EXPORTER_SENT_LOG_RECORDS = 'otelcol_exporter_sent_log_records';
/** Log records dropped after retries ran out or on a permanent error. Lost. */
export const EXPORTER_SEND_FAILED_LOG_RECORDS = 'otelcol_exporter_send_failed_log_records';
/** Log records refused because the sending queue was full. */
export const EXPORTER_ENQUEUE_FAILED_LOG_RECORDS = 'otelcol_exporter_enqueue_failed_log_records';
/** Metric points handed to the exporter (for remote write: written to its WAL). */
export const EXPORTER_SENT_METRIC_POINTS = 'otelcol_exporter_sent_metric_points';
/** Metric points the exporter failed to take. */
export const EXPORTER_SEND_FAILED_METRIC_POINTS = 'otelcol_exporter_send_failed_metric_points';
/** Metric points refused because the exporter's queue was full. */
export const EXPORTER_ENQUEUE_FAILED_METRIC_POINTS =
  'otelcol_exporter_enqueue_failed_metric_points';
/** Items waiting in an exporter's queue (gauge). Labels: exporter, data_type. */
export const EXPORTER_QUEUE_SIZE = 'otelcol_exporter_queue_size';
/** Capacity of that queue, in the same unit as the size (gauge). */
export const EXPORTER_QUEUE_CAPACITY = 'otelcol_exporter_queue_capacity';
/** Export requests in progress (gauge). */
export const EXPORTER_IN_FLIGHT_REQUESTS = 'otelcol_exporter_in_flight_requests';

// Prometheus remote write delivers from a write-ahead log, so its delivery and its losses are
// counted here rather than by the generic exporter counters.
/** Remote-write requests Prometheus accepted. Labels: exporter, endpoint. */
export const PRW_SENT_BATCHES = 'otelcol_exporter_prometheusremotewrite_sent_batches';
/**
 * WAL entries written but not yet sent: the backlog while Prometheus is away (gauge). Sampled
 * every `wal.lag_record_frequency` (5 s in config/sidecar.yaml), so it appears after that.
 */
export const PRW_WAL_LAG = 'otelcol_exporter_prometheusremotewrite_wal_lag';
/**
 * WAL batches dropped because Prometheus rejected their content (400, 409, 413, 422).
 *
 * Never counted with this config: with `retry_on_failure` on, the exporter (v0.165.1) gets the
 * 4xx wrapped in the retry library's error, no longer recognises it as a rejection, keeps the
 * batch at the head of the WAL and re-sends it at every flush, forever (measured: a relay that
 * rejected one payload got it again every 6 s while `sent_batches` rose and this stayed absent).
 * Turning retries off makes it count, but then an outage re-sends a full WAL buffer in a tight
 * loop (measured: ~3,000 requests/s and 75% of a core). Rejections are therefore alerted on
 * where Prometheus counts them (RemoteWriteRejected in alerts/). TODO(#4): use this once the
 * exporter recognises a rejection through the retry error.
 */
export const PRW_WAL_SEND_FAILED_BATCHES =
  'otelcol_exporter_prometheusremotewrite_wal_send_failed_batches';
/** Samples in the batches {@link PRW_WAL_SEND_FAILED_BATCHES} counts; absent, for its reason. */
export const PRW_WAL_SEND_FAILED_SAMPLES =
  'otelcol_exporter_prometheusremotewrite_wal_send_failed_samples';
/** Metrics that could not be translated to Prometheus form. Lost. */
export const PRW_FAILED_TRANSLATIONS = 'otelcol_exporter_prometheusremotewrite_failed_translations';
/** Time series produced by the translation. */
export const PRW_TRANSLATED_TIME_SERIES =
  'otelcol_exporter_prometheusremotewrite_translated_time_series';
/** WAL writes (one per batch handed to the exporter). */
export const PRW_WAL_WRITES = 'otelcol_exporter_prometheusremotewrite_wal_writes';
/** WAL writes that failed: the disk is full or unwritable. */
export const PRW_WAL_WRITES_FAILURES = 'otelcol_exporter_prometheusremotewrite_wal_writes_failures';
/** WAL reads (one per entry read back for sending). */
export const PRW_WAL_READS = 'otelcol_exporter_prometheusremotewrite_wal_reads';

// memory_limiter: what it let through and what it refused under memory pressure.
/** Spans the memory limiter let through. Label: processor. */
export const MEMORY_LIMITER_ACCEPTED_SPANS = 'otelcol_processor_memory_limiter_accepted_spans';
/** Spans refused under memory pressure. */
export const MEMORY_LIMITER_REFUSED_SPANS = 'otelcol_processor_memory_limiter_refused_spans';
/** Log records the memory limiter let through. */
export const MEMORY_LIMITER_ACCEPTED_LOG_RECORDS =
  'otelcol_processor_memory_limiter_accepted_log_records';
/** Log records refused under memory pressure. */
export const MEMORY_LIMITER_REFUSED_LOG_RECORDS =
  'otelcol_processor_memory_limiter_refused_log_records';
/** Metric points the memory limiter let through. */
export const MEMORY_LIMITER_ACCEPTED_METRIC_POINTS =
  'otelcol_processor_memory_limiter_accepted_metric_points';
/** Metric points refused under memory pressure. */
export const MEMORY_LIMITER_REFUSED_METRIC_POINTS =
  'otelcol_processor_memory_limiter_refused_metric_points';

/** Items into each processor. Labels: processor, otel_signal. */
export const PROCESSOR_INCOMING_ITEMS = 'otelcol_processor_incoming_items';
/** Items out of each processor. */
export const PROCESSOR_OUTGOING_ITEMS = 'otelcol_processor_outgoing_items';

// The collector process itself.
/** Seconds since the collector started (a counter: it resets on restart). */
export const PROCESS_UPTIME = 'otelcol_process_uptime';
/** CPU seconds used (counter). */
export const PROCESS_CPU_SECONDS = 'otelcol_process_cpu_seconds';
/** Resident memory, bytes (gauge). */
export const PROCESS_MEMORY_RSS = 'otelcol_process_memory_rss';
/** Bytes of allocated heap objects (gauge). */
export const PROCESS_HEAP_ALLOC_BYTES = 'otelcol_process_runtime_heap_alloc_bytes';
/** Cumulative bytes allocated on the heap (counter). */
export const PROCESS_TOTAL_ALLOC_BYTES = 'otelcol_process_runtime_total_alloc_bytes';
/** Memory obtained from the OS by the Go runtime, bytes (gauge). */
export const PROCESS_SYS_MEMORY_BYTES = 'otelcol_process_runtime_total_sys_memory_bytes';

/** Label names on the metrics above. */
export const SIDECAR_LABELS = {
  receiver: 'receiver',
  transport: 'transport',
  exporter: 'exporter',
  processor: 'processor',
  /** On the queue gauges: `traces`, `logs` or `metrics`. */
  dataType: 'data_type',
  /** On the processor item counters: `traces`, `logs` or `metrics`. */
  signal: 'otel_signal',
} as const;

/** Component ids of config/sidecar.yaml, the values of the receiver and exporter labels. */
export const SIDECAR_COMPONENTS = {
  otlpReceiver: 'otlp',
  scrapeReceiver: 'prometheus',
  tracesExporter: 'otlp_http/tempo',
  logsExporter: 'otlp_http/loki',
  metricsExporter: 'prometheus_remote_write',
  memoryLimiter: 'memory_limiter',
} as const;

/** The names present right after start-up, before any data arrived. */
export const SIDECAR_METRICS_AT_IDLE: readonly string[] = Object.freeze([
  EXPORTER_QUEUE_SIZE,
  EXPORTER_QUEUE_CAPACITY,
  PRW_WAL_READS,
  PROCESS_UPTIME,
  PROCESS_CPU_SECONDS,
  PROCESS_MEMORY_RSS,
  PROCESS_HEAP_ALLOC_BYTES,
  PROCESS_TOTAL_ALLOC_BYTES,
  PROCESS_SYS_MEMORY_BYTES,
]);

/** The names that appear once spans, logs and scraped metrics have been delivered. */
export const SIDECAR_METRICS_AFTER_TRAFFIC: readonly string[] = Object.freeze([
  RECEIVER_ACCEPTED_SPANS,
  RECEIVER_REFUSED_SPANS,
  RECEIVER_FAILED_SPANS,
  RECEIVER_ACCEPTED_LOG_RECORDS,
  RECEIVER_REFUSED_LOG_RECORDS,
  RECEIVER_FAILED_LOG_RECORDS,
  RECEIVER_ACCEPTED_METRIC_POINTS,
  RECEIVER_REFUSED_METRIC_POINTS,
  RECEIVER_FAILED_METRIC_POINTS,
  EXPORTER_SENT_SPANS,
  EXPORTER_SENT_LOG_RECORDS,
  EXPORTER_SENT_METRIC_POINTS,
  EXPORTER_IN_FLIGHT_REQUESTS,
  PRW_SENT_BATCHES,
  PRW_TRANSLATED_TIME_SERIES,
  PRW_WAL_WRITES,
  PRW_WAL_LAG,
  MEMORY_LIMITER_ACCEPTED_SPANS,
  MEMORY_LIMITER_ACCEPTED_LOG_RECORDS,
  MEMORY_LIMITER_ACCEPTED_METRIC_POINTS,
  PROCESSOR_INCOMING_ITEMS,
  PROCESSOR_OUTGOING_ITEMS,
]);

/** Names that appear only once data is lost or refused (after the first failure). */
export const SIDECAR_METRICS_ON_FAILURE: readonly string[] = Object.freeze([
  EXPORTER_SEND_FAILED_SPANS,
  EXPORTER_ENQUEUE_FAILED_SPANS,
  EXPORTER_SEND_FAILED_LOG_RECORDS,
  EXPORTER_ENQUEUE_FAILED_LOG_RECORDS,
  EXPORTER_SEND_FAILED_METRIC_POINTS,
  EXPORTER_ENQUEUE_FAILED_METRIC_POINTS,
  PRW_WAL_SEND_FAILED_BATCHES,
  PRW_WAL_SEND_FAILED_SAMPLES,
  PRW_FAILED_TRANSLATIONS,
  PRW_WAL_WRITES_FAILURES,
  MEMORY_LIMITER_REFUSED_SPANS,
  MEMORY_LIMITER_REFUSED_LOG_RECORDS,
  MEMORY_LIMITER_REFUSED_METRIC_POINTS,
]);
