/** Waiting for a sidecar to hold undelivered data, the moment a crash test kills it at. */
import type { Sidecar } from '@lookout/sidecar/testing';
import { countsFromTelemetry } from './sidecar-counts.ts';

/**
 * Resolves once the sidecar's span queue (and log queue, with `logsToo`) holds items and its
 * remote-write WAL has a backlog. The WAL lag gauge is sampled every 5 s, hence the timeout.
 */
export async function waitForQueued(sidecar: Sidecar, logsToo: boolean): Promise<void> {
  await sidecar.waitForTelemetry((page) => {
    const { spans, logs, metrics } = countsFromTelemetry(page);
    return spans.queued > 0 && metrics.queued > 0 && (!logsToo || logs.queued > 0);
  }, 30_000);
}
