/**
 * The sidecar's own metric names, as the alert rules use them. The names themselves live in
 * `@lookout/sidecar/metric-names` (read off the built collector and tested against it there);
 * this module only arranges them per signal, so every rule imports them from one place.
 *
 * The sidecar pins the collector's Prometheus exporter to names without unit or `_total`
 * suffixes, so a counter reads `otelcol_exporter_sent_spans`.
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
  RECEIVER_REFUSED_LOG_RECORDS,
  RECEIVER_REFUSED_METRIC_POINTS,
  RECEIVER_REFUSED_SPANS,
  SIDECAR_COMPONENTS,
  SIDECAR_LABELS,
} from '@lookout/sidecar/metric-names';

/** The three signals a collector pipeline carries, spelled as the metric names spell them. */
export const COLLECTOR_SIGNALS = ['spans', 'metric_points', 'log_records'] as const;

/** One of the collector's signal spellings. */
export type CollectorSignal = (typeof COLLECTOR_SIGNALS)[number];

type PerSignal = Readonly<Record<CollectorSignal, string>>;

/** The collector metrics the pipeline alerts read. */
export const COLLECTOR_METRICS = {
  /** Items a receiver refused because a later stage (the memory limiter) pushed back. */
  receiverRefused: {
    spans: RECEIVER_REFUSED_SPANS,
    metric_points: RECEIVER_REFUSED_METRIC_POINTS,
    log_records: RECEIVER_REFUSED_LOG_RECORDS,
  } satisfies PerSignal,
  /** Items an exporter delivered to its backend. */
  exporterSent: {
    spans: EXPORTER_SENT_SPANS,
    metric_points: EXPORTER_SENT_METRIC_POINTS,
    log_records: EXPORTER_SENT_LOG_RECORDS,
  } satisfies PerSignal,
  /** Items an exporter gave up on: retries exhausted or a permanent error. */
  exporterSendFailed: {
    spans: EXPORTER_SEND_FAILED_SPANS,
    metric_points: EXPORTER_SEND_FAILED_METRIC_POINTS,
    log_records: EXPORTER_SEND_FAILED_LOG_RECORDS,
  } satisfies PerSignal,
  /** Items an exporter could not put on its full sending queue: dropped at the door. */
  exporterEnqueueFailed: {
    spans: EXPORTER_ENQUEUE_FAILED_SPANS,
    metric_points: EXPORTER_ENQUEUE_FAILED_METRIC_POINTS,
    log_records: EXPORTER_ENQUEUE_FAILED_LOG_RECORDS,
  } satisfies PerSignal,
  /** Batches waiting in an exporter's sending queue. */
  exporterQueueSize: EXPORTER_QUEUE_SIZE,
  /** The most batches an exporter's sending queue holds. */
  exporterQueueCapacity: EXPORTER_QUEUE_CAPACITY,
} as const;

/** Label names on the collector's own metrics. */
export const COLLECTOR_LABELS = {
  exporter: SIDECAR_LABELS.exporter,
  receiver: SIDECAR_LABELS.receiver,
} as const;

/** Component ids of the sidecar's configuration: the values of `exporter` and `receiver`. */
export const COLLECTOR_COMPONENTS = SIDECAR_COMPONENTS;
