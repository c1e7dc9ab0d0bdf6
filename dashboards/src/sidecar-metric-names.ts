/**
 * The sidecar's own metric names, as the pipeline dashboard reads them. The names themselves live
 * in `@lookout/sidecar/metric-names`, read off the built collector and tested against it there, so
 * a collector upgrade that renames one breaks this build instead of a panel. This module only
 * arranges them per signal. The sidecar pins its telemetry exporter to names without unit or
 * `_total` suffixes, so a counter reads `otelcol_exporter_sent_spans`.
 */
import {
  EXPORTER_ENQUEUE_FAILED_LOG_RECORDS,
  EXPORTER_ENQUEUE_FAILED_METRIC_POINTS,
  EXPORTER_ENQUEUE_FAILED_SPANS,
  EXPORTER_QUEUE_CAPACITY,
  EXPORTER_QUEUE_SIZE,
  EXPORTER_SEND_FAILED_LOG_RECORDS,
  EXPORTER_SEND_FAILED_METRIC_POINTS,
  EXPORTER_SEND_FAILED_SPANS,
  EXPORTER_SENT_LOG_RECORDS,
  EXPORTER_SENT_METRIC_POINTS,
  EXPORTER_SENT_SPANS,
  PROCESS_CPU_SECONDS,
  PROCESS_HEAP_ALLOC_BYTES,
  PROCESS_MEMORY_RSS,
  PROCESS_UPTIME,
  PROCESSOR_INCOMING_ITEMS,
  PROCESSOR_OUTGOING_ITEMS,
  RECEIVER_ACCEPTED_LOG_RECORDS,
  RECEIVER_ACCEPTED_METRIC_POINTS,
  RECEIVER_ACCEPTED_SPANS,
  RECEIVER_FAILED_LOG_RECORDS,
  RECEIVER_FAILED_METRIC_POINTS,
  RECEIVER_FAILED_SPANS,
  RECEIVER_REFUSED_LOG_RECORDS,
  RECEIVER_REFUSED_METRIC_POINTS,
  RECEIVER_REFUSED_SPANS,
  SIDECAR_COMPONENTS,
  SIDECAR_LABELS,
} from '@lookout/sidecar/metric-names';

/** The signals a collector pipeline carries, spelled as the metric names spell them. */
export const COLLECTOR_SIGNALS = ['spans', 'log_records', 'metric_points'] as const;

/** One of the collector's signal spellings. */
export type CollectorSignal = (typeof COLLECTOR_SIGNALS)[number];

type PerSignal = Readonly<Record<CollectorSignal, string>>;

/** How each signal is called on a panel. */
export const SIGNAL_TITLES: PerSignal = {
  spans: 'Spans',
  log_records: 'Log records',
  metric_points: 'Metric points',
};

/** The collector's own metrics the pipeline dashboard reads. */
export const COLLECTOR_METRICS = {
  /** Items a receiver pushed into the pipeline. */
  receiverAccepted: {
    spans: RECEIVER_ACCEPTED_SPANS,
    log_records: RECEIVER_ACCEPTED_LOG_RECORDS,
    metric_points: RECEIVER_ACCEPTED_METRIC_POINTS,
  } satisfies PerSignal,
  /** Items a receiver could not push because a later component refused them (memory limiter). */
  receiverRefused: {
    spans: RECEIVER_REFUSED_SPANS,
    log_records: RECEIVER_REFUSED_LOG_RECORDS,
    metric_points: RECEIVER_REFUSED_METRIC_POINTS,
  } satisfies PerSignal,
  /** Items a receiver lost to its own internal errors. */
  receiverFailed: {
    spans: RECEIVER_FAILED_SPANS,
    log_records: RECEIVER_FAILED_LOG_RECORDS,
    metric_points: RECEIVER_FAILED_METRIC_POINTS,
  } satisfies PerSignal,
  /** Items an exporter delivered. */
  exporterSent: {
    spans: EXPORTER_SENT_SPANS,
    log_records: EXPORTER_SENT_LOG_RECORDS,
    metric_points: EXPORTER_SENT_METRIC_POINTS,
  } satisfies PerSignal,
  /** Items an exporter gave up on: retries ran out or the backend refused them for good. */
  exporterSendFailed: {
    spans: EXPORTER_SEND_FAILED_SPANS,
    log_records: EXPORTER_SEND_FAILED_LOG_RECORDS,
    metric_points: EXPORTER_SEND_FAILED_METRIC_POINTS,
  } satisfies PerSignal,
  /** Items an exporter could not put on its sending queue: dropped data. */
  exporterEnqueueFailed: {
    spans: EXPORTER_ENQUEUE_FAILED_SPANS,
    log_records: EXPORTER_ENQUEUE_FAILED_LOG_RECORDS,
    metric_points: EXPORTER_ENQUEUE_FAILED_METRIC_POINTS,
  } satisfies PerSignal,
  /** Current size of an exporter's sending queue, in the unit its sizer counts. */
  exporterQueueSize: EXPORTER_QUEUE_SIZE,
  /** Capacity of that queue, in the same unit. */
  exporterQueueCapacity: EXPORTER_QUEUE_CAPACITY,
  /** Items handed to a processor, by processor and `otel_signal`. */
  processorIncoming: PROCESSOR_INCOMING_ITEMS,
  /** Items a processor passed on; for the memory limiter, incoming minus outgoing is refused. */
  processorOutgoing: PROCESSOR_OUTGOING_ITEMS,
  /** Resident memory of the collector process, bytes. */
  processMemoryRss: PROCESS_MEMORY_RSS,
  /** Go heap in use by the collector, bytes. */
  processHeapAlloc: PROCESS_HEAP_ALLOC_BYTES,
  /** CPU time of the collector process, seconds (a counter). */
  processCpuSeconds: PROCESS_CPU_SECONDS,
  /** Collector uptime, seconds (a counter: it starts again at a restart). */
  processUptime: PROCESS_UPTIME,
} as const;

/** Label names on the collector's own metrics. */
export const COLLECTOR_LABELS = {
  receiver: SIDECAR_LABELS.receiver,
  exporter: SIDECAR_LABELS.exporter,
  processor: SIDECAR_LABELS.processor,
  signal: SIDECAR_LABELS.signal,
} as const;

/** The memory limiter's component id in the sidecar configuration. */
export const MEMORY_LIMITER_ID = SIDECAR_COMPONENTS.memoryLimiter;
