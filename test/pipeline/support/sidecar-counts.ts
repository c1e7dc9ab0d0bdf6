/**
 * What a sidecar says it took in, handed on and lost, per signal, read from its own metrics page
 * (the same counters the pipeline alerts use).
 */
import {
  EXPORTER_ENQUEUE_FAILED_LOG_RECORDS,
  EXPORTER_ENQUEUE_FAILED_SPANS,
  EXPORTER_QUEUE_SIZE,
  EXPORTER_SEND_FAILED_LOG_RECORDS,
  EXPORTER_SEND_FAILED_SPANS,
  PRW_TRANSLATED_TIME_SERIES,
  PRW_WAL_LAG,
  PRW_WAL_SEND_FAILED_SAMPLES,
  RECEIVER_ACCEPTED_LOG_RECORDS,
  RECEIVER_ACCEPTED_SPANS,
  RECEIVER_REFUSED_LOG_RECORDS,
  RECEIVER_REFUSED_SPANS,
  SIDECAR_COMPONENTS,
  SIDECAR_LABELS,
} from '@lookout/sidecar/metric-names';
import { type Sidecar, sumOf } from '@lookout/sidecar/testing';

/** One signal's counts on one sidecar. */
export interface SignalCounts {
  /** Taken in from the service (spans, log records) or produced for remote write (samples). */
  accepted: number;
  /** Refused at the receiver (the sender was told to retry). */
  refused: number;
  /** Given up on by the exporter: lost. */
  failed: number;
  /** Not taken into a full queue: lost unless the sender retried. */
  enqueueFailed: number;
  /** Waiting in the queue (spans, logs: items; metrics: WAL entries behind the reader). */
  queued: number;
}

/** Counts per signal. */
export interface SidecarCounts {
  spans: SignalCounts;
  logs: SignalCounts;
  metrics: SignalCounts;
}

const dataType = (type: string) => ({ [SIDECAR_LABELS.dataType]: type });

/** Parses one metrics page into per-signal counts. */
export function countsFromTelemetry(page: string): SidecarCounts {
  return {
    spans: {
      accepted: sumOf(page, RECEIVER_ACCEPTED_SPANS),
      refused: sumOf(page, RECEIVER_REFUSED_SPANS),
      failed: sumOf(page, EXPORTER_SEND_FAILED_SPANS),
      enqueueFailed: sumOf(page, EXPORTER_ENQUEUE_FAILED_SPANS),
      queued: sumOf(page, EXPORTER_QUEUE_SIZE, dataType('traces')),
    },
    logs: {
      accepted: sumOf(page, RECEIVER_ACCEPTED_LOG_RECORDS),
      refused: sumOf(page, RECEIVER_REFUSED_LOG_RECORDS),
      failed: sumOf(page, EXPORTER_SEND_FAILED_LOG_RECORDS),
      enqueueFailed: sumOf(page, EXPORTER_ENQUEUE_FAILED_LOG_RECORDS),
      queued: sumOf(page, EXPORTER_QUEUE_SIZE, dataType('logs')),
    },
    metrics: {
      // Remote write counts series per push; each scrape holds one sample per series.
      accepted: sumOf(page, PRW_TRANSLATED_TIME_SERIES),
      refused: 0,
      failed: sumOf(page, PRW_WAL_SEND_FAILED_SAMPLES),
      enqueueFailed: 0,
      queued: sumOf(page, PRW_WAL_LAG, {
        [SIDECAR_LABELS.exporter]: SIDECAR_COMPONENTS.metricsExporter,
      }),
    },
  };
}

/** The counts of one sidecar now. */
export async function sidecarCounts(sidecar: Sidecar): Promise<SidecarCounts> {
  return countsFromTelemetry(await sidecar.telemetry());
}

/** Field-by-field sum over several sidecars. */
export function addCounts(all: readonly SidecarCounts[]): SidecarCounts {
  const zero = (): SignalCounts => ({
    accepted: 0,
    refused: 0,
    failed: 0,
    enqueueFailed: 0,
    queued: 0,
  });
  const total: SidecarCounts = { spans: zero(), logs: zero(), metrics: zero() };
  for (const counts of all) {
    for (const signal of ['spans', 'logs', 'metrics'] as const) {
      for (const field of Object.keys(total[signal]) as (keyof SignalCounts)[]) {
        total[signal][field] += counts[signal][field];
      }
    }
  }
  return total;
}

/** Items of every signal the sidecars counted as lost: given up on, or turned away when full. */
export function lostItems(counts: SidecarCounts): number {
  const { spans, logs, metrics } = counts;
  return [spans, logs, metrics].reduce((total, s) => total + s.failed + s.enqueueFailed, 0);
}
