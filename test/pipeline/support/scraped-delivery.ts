/**
 * What Prometheus holds of one service's scrapes, in the units a sidecar counts them. The sidecar
 * counts every sample it translates, including the staleness marker it sends when a series
 * vanishes from a scrape (a gauge per active-resource type, say). Prometheus stores those markers
 * but no query returns them, so they are inferred here: a series with a sample in one scrape and
 * none in the next got one.
 */
import type { PrometheusServer } from '@lookout/testkit';
import { longestGap, type StoredSeries, sampleCount, storedSeries } from './stored-samples.ts';

/** One job's stored scrapes over a time range. */
export interface ScrapedDelivery {
  /** Samples stored. */
  readonly stored: number;
  /** Staleness markers the sidecar must have sent for these samples. */
  readonly staleMarkers: number;
  /** Scrapes stored (`up` samples). */
  readonly scrapes: number;
  /** The longest stretch without a stored scrape, seconds. */
  readonly longestScrapeGap: number;
}

/** The stored scrapes of `job` with timestamps in (start, end]. */
export async function scrapedDelivery(
  prometheus: PrometheusServer,
  job: string,
  range: { start: number; end: number },
): Promise<ScrapedDelivery> {
  const series = await storedSeries(prometheus, `{job="${job}"}`, range);
  const up = series.find((s) => s.labels.__name__ === 'up')?.samples ?? [];
  const scrapeTimes = up.map((sample) => sample.timestamp);
  return {
    stored: sampleCount(series),
    staleMarkers: staleMarkers(series, scrapeTimes),
    scrapes: up.length,
    longestScrapeGap: longestGap(up, range.end),
  };
}

/** Markers for series present in one scrape and absent from the next one stored. */
export function staleMarkers(series: readonly StoredSeries[], scrapeTimes: readonly number[]) {
  const next = new Map(scrapeTimes.slice(0, -1).map((time, i) => [time, scrapeTimes[i + 1]]));
  let markers = 0;
  for (const { samples } of series) {
    const times = new Set(samples.map((sample) => sample.timestamp));
    for (const { timestamp } of samples) {
      const following = next.get(timestamp);
      if (following !== undefined && !times.has(following)) markers++;
    }
  }
  return markers;
}
