/** Turning sidecar counters and backend contents into the rows of a loss report. */
import type { DeliveredCount } from './delivered-records.ts';
import type { SignalFigures } from './loss-report.ts';
import { type MetricAccount, receivedSamples } from './metric-accounts.ts';
import type { SidecarCounts } from './sidecar-counts.ts';

/**
 * Spans or log records: what the sidecars accepted from the services against the distinct
 * records the stand-in backend holds. Dropped is what the sidecars counted as lost or, if more,
 * what is missing at the backend.
 */
export function recordFigures(
  signal: 'spans' | 'logs',
  counts: SidecarCounts,
  delivered: DeliveredCount,
): SignalFigures {
  const lost = counts[signal].failed + counts[signal].enqueueFailed;
  return {
    signal: signal === 'spans' ? 'spans' : 'log records',
    sent: counts[signal].accepted,
    delivered: delivered.unique,
    dropped: Math.max(lost, counts[signal].accepted - delivered.unique),
    duplicates: delivered.duplicates,
  };
}

/**
 * Metric samples: what the sidecars produced for remote write against what Prometheus holds.
 * Prometheus drops an exact duplicate silently, so duplicates cannot be seen and read 0.
 */
export function metricFigures(accounts: readonly MetricAccount[]): SignalFigures {
  const sum = (value: (account: MetricAccount) => number) =>
    accounts.reduce((total, account) => total + value(account), 0);
  const sent = sum((a) => a.cut.produced);
  const delivered = sum(receivedSamples);
  return {
    signal: 'metric samples',
    sent,
    delivered,
    dropped: Math.max(
      sum((a) => a.cut.failed),
      sent - delivered,
    ),
    duplicates: 0,
  };
}

/** `now` minus `then`, row by row: what came after an earlier report (everything without one). */
export function figuresSince(
  now: readonly SignalFigures[],
  then: readonly SignalFigures[] | undefined,
): SignalFigures[] {
  return now.map((row, i) => {
    const earlier = then?.[i];
    if (earlier === undefined) return row;
    return {
      signal: row.signal,
      sent: row.sent - earlier.sent,
      delivered: row.delivered - earlier.delivered,
      dropped: row.dropped - earlier.dropped,
      duplicates: row.duplicates - earlier.duplicates,
    };
  });
}
