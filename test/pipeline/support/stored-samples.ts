/**
 * Samples as Prometheus stored them, read raw (no lookback, no interpolation), so a missing
 * scrape shows as a gap rather than being papered over by the 5-minute lookback of queries.
 */
import type { PrometheusServer } from '@lookout/testkit';

/** One stored sample. */
export interface StoredSample {
  /** Seconds since the epoch. */
  readonly timestamp: number;
  readonly value: number;
}

/** One series with its raw samples, oldest first. */
export interface StoredSeries {
  readonly labels: Record<string, string>;
  readonly samples: readonly StoredSample[];
}

type RawMatrix = { metric: Record<string, string>; values: [number, string][] }[];
type RawAnswer = { status: string; error?: string; data?: { result: RawMatrix } };

/** Raw samples of `selector` with timestamps in (start, end], seconds since the epoch. */
export async function storedSeries(
  prometheus: PrometheusServer,
  selector: string,
  range: { start: number; end: number },
): Promise<StoredSeries[]> {
  // A range selector takes whole milliseconds; one more keeps `start` itself out.
  const window = `${Math.ceil((range.end - range.start) * 1000)}ms`;
  const params = new URLSearchParams({ query: `${selector}[${window}]`, time: String(range.end) });
  const response = await fetch(`${prometheus.url}/api/v1/query?${params}`);
  const body = (await response.json()) as RawAnswer;
  if (body.status !== 'success' || !body.data) {
    throw new Error(`raw query ${selector} failed: ${body.error ?? response.status}`);
  }
  return body.data.result.map(({ metric, values }) => ({
    labels: metric,
    samples: values.map(([timestamp, value]) => ({ timestamp, value: Number(value) })),
  }));
}

/**
 * The longest stretch without a sample, seconds: between consecutive samples, and from the last
 * sample to `until` (a series that stopped early has a gap at its end).
 */
export function longestGap(samples: readonly StoredSample[], until: number): number {
  let longest = 0;
  let previous: number | undefined;
  for (const { timestamp } of samples) {
    if (previous !== undefined) longest = Math.max(longest, timestamp - previous);
    previous = timestamp;
  }
  return previous === undefined ? Number.POSITIVE_INFINITY : Math.max(longest, until - previous);
}

/** How many samples `series` hold together. */
export function sampleCount(series: readonly StoredSeries[]): number {
  return series.reduce((total, s) => total + s.samples.length, 0);
}
