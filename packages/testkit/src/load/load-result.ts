/** What a load run measured, summarised from its per-request samples. */
import { percentile } from './percentile.ts';

/** One completed request. */
export interface LoadSample {
  /** When it was scheduled to start, ms after the run began. */
  offsetMs: number;
  /** From the scheduled start to the end of the response body. */
  latencyMs: number;
  /** HTTP status, or an error code (`ECONNREFUSED`, `timeout`...). */
  status: string;
}

/** What {@link runLoad} measured. Latencies are in milliseconds. */
export interface LoadResult {
  sent: number;
  /** Responses with a status below 400. */
  ok: number;
  /** Responses of 400 and above, errors and timeouts. */
  failed: number;
  statusCounts: Record<string, number>;
  /** Every latency, ascending. */
  latenciesMs: number[];
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Per request, in schedule order, for slicing a run into windows (before/during an outage). */
  samples: LoadSample[];
  /** Wall time of the run, including the wait for the last responses. */
  durationMs: number;
  achievedRps: number;
  /**
   * The longest a request started after its schedule. Large values mean the concurrency limit
   * (or the generator's own CPU) held requests back; their wait is part of their latency.
   */
  maxStartDelayMs: number;
}

/** Counts outcomes and computes the latency percentiles of a finished run. */
export function summarise(
  samples: LoadSample[],
  durationMs: number,
  maxStartDelayMs: number,
): LoadResult {
  const statusCounts: Record<string, number> = {};
  let ok = 0;
  for (const sample of samples) {
    statusCounts[sample.status] = (statusCounts[sample.status] ?? 0) + 1;
    const code = Number(sample.status);
    if (code > 0 && code < 400) ok++;
  }
  const latenciesMs = samples.map((sample) => sample.latencyMs).sort((a, b) => a - b);
  return {
    sent: samples.length,
    ok,
    failed: samples.length - ok,
    statusCounts,
    latenciesMs,
    p50: percentile(latenciesMs, 0.5),
    p90: percentile(latenciesMs, 0.9),
    p99: percentile(latenciesMs, 0.99),
    max: latenciesMs.at(-1) ?? Number.NaN,
    samples,
    durationMs,
    achievedRps: samples.length / (durationMs / 1000),
    maxStartDelayMs,
  };
}
