/**
 * The sidecar's internal metric names, as collector v0.165 exposes them on :8888 (Prometheus
 * form: counters end in `_total`, byte gauges in `_bytes`).
 *
 * TODO(#3): re-export these from `packages/sidecar/metric-names.ts` (`@lookout/sidecar`) once the
 * sidecar publishes its constants, so the names live in one place as the SDK's do.
 */

/** The signals a collector pipeline carries, spelled as the metric names spell them. */
export const COLLECTOR_SIGNALS = ['spans', 'log_records', 'metric_points'] as const;

/** One of the collector's signal spellings. */
export type CollectorSignal = (typeof COLLECTOR_SIGNALS)[number];

/** How each signal is called on a panel. */
export const SIGNAL_TITLES: Readonly<Record<CollectorSignal, string>> = {
  spans: 'Spans',
  log_records: 'Log records',
  metric_points: 'Metric points',
};

// Per-signal counters share a shape: `otelcol_<component>_<outcome>_<signal>_total`.
function perSignal(prefix: string): Readonly<Record<CollectorSignal, string>> {
  return {
    spans: `${prefix}_spans_total`,
    log_records: `${prefix}_log_records_total`,
    metric_points: `${prefix}_metric_points_total`,
  };
}

/** The collector's own metrics the pipeline dashboard reads. */
export const COLLECTOR_METRICS = {
  /** Items a receiver pushed into the pipeline. */
  receiverAccepted: perSignal('otelcol_receiver_accepted'),
  /** Items a receiver could not push because a later component refused them (memory limiter). */
  receiverRefused: perSignal('otelcol_receiver_refused'),
  /** Items a receiver lost to its own internal errors. */
  receiverFailed: perSignal('otelcol_receiver_failed'),
  /** Items an exporter delivered. */
  exporterSent: perSignal('otelcol_exporter_sent'),
  /** Items in export attempts that failed (each retry counts again). */
  exporterSendFailed: perSignal('otelcol_exporter_send_failed'),
  /** Items an exporter could not put on its sending queue: dropped data. */
  exporterEnqueueFailed: perSignal('otelcol_exporter_enqueue_failed'),
  /** Current size of an exporter's sending queue (batches). */
  exporterQueueSize: 'otelcol_exporter_queue_size',
  /** Fixed capacity of an exporter's sending queue (batches). */
  exporterQueueCapacity: 'otelcol_exporter_queue_capacity',
  /** Items handed to a processor, by processor and `otel_signal`. */
  processorIncoming: 'otelcol_processor_incoming_items_total',
  /** Items a processor passed on; for the memory limiter, incoming minus outgoing is refused. */
  processorOutgoing: 'otelcol_processor_outgoing_items_total',
  /** Resident memory of the collector process, bytes. */
  processMemoryRss: 'otelcol_process_memory_rss_bytes',
  /** Go heap in use by the collector, bytes. */
  processHeapAlloc: 'otelcol_process_runtime_heap_alloc_bytes',
  /** CPU time of the collector process, seconds. */
  processCpuSeconds: 'otelcol_process_cpu_seconds_total',
  /** Collector uptime, seconds. */
  processUptime: 'otelcol_process_uptime_seconds_total',
} as const;

/** Label names on the collector's own metrics. */
export const COLLECTOR_LABELS = {
  receiver: 'receiver',
  exporter: 'exporter',
  processor: 'processor',
  signal: 'otel_signal',
} as const;

/** The memory limiter's component id in the sidecar configuration. */
export const MEMORY_LIMITER_ID = 'memory_limiter';
