/** Latency of time slices of a load run. */
import { type LoadResult, percentile } from '@lookout/testkit';

/** p99 and p50 of the requests scheduled in [fromMs, toMs) after the run's start. */
export interface WindowLatency {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Latencies (from each request's scheduled start) of the requests scheduled in the window. */
export function latencyWithin(load: LoadResult, fromMs: number, toMs: number): WindowLatency {
  const latencies = load.samples
    .filter((sample) => sample.offsetMs >= fromMs && sample.offsetMs < toMs)
    .map((sample) => sample.latencyMs)
    .sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** Latency windows of an outage run. */
export interface OutageLatency {
  readonly before: WindowLatency;
  readonly during: WindowLatency;
  /** The outage without its edges, where backends stop and start on the same machine. */
  readonly duringMiddle: WindowLatency;
}

/**
 * Before the outage (after the warm-up), during it, and during it without `edgeMs` at either
 * end: backends stopping and Prometheus starting again (its WAL replay) take CPU from the
 * service on a small machine, which is not what the outage itself costs the service.
 */
export function outageLatency(
  load: LoadResult,
  window: { warmupMs: number; startMs: number; endMs: number; edgeMs: number },
): OutageLatency {
  return {
    before: latencyWithin(load, window.warmupMs, window.startMs),
    during: latencyWithin(load, window.startMs, window.endMs),
    duringMiddle: latencyWithin(load, window.startMs + window.edgeMs, window.endMs - window.edgeMs),
  };
}
