/**
 * A clean cut through a sidecar's metric stream: the moment right after it translated a scrape
 * for remote write. Its counter then covers exactly the scrapes stamped before that moment, and
 * the next scrape is most of a scrape interval away, so the counter and Prometheus's samples up
 * to the cut can be compared without a scrape landing on one side only.
 */
import {
  PRW_TRANSLATED_TIME_SERIES,
  PRW_WAL_SEND_FAILED_SAMPLES,
} from '@lookout/sidecar/metric-names';
import { type Sidecar, sumOf } from '@lookout/sidecar/testing';
import { pollUntil } from './poll-until.ts';

/** What one sidecar had produced for remote write at the cut. */
export interface ScrapeCut {
  /** Samples translated for remote write, staleness markers included, since the sidecar started. */
  readonly produced: number;
  /** Samples Prometheus rejected and the sidecar dropped. */
  readonly failed: number;
  /** Seconds since the epoch: every sample stamped up to here is counted, none after. */
  readonly at: number;
}

/** Waits for the sidecar's next scrape to be translated, then cuts. */
export async function cutAfterNextScrape(sidecar: Sidecar): Promise<ScrapeCut> {
  const produced = async () => sumOf(await sidecar.telemetry(), PRW_TRANSLATED_TIME_SERIES);
  const before = await produced();
  // Polled fast: the cut is only clean if it is taken well before the following scrape.
  const page = await pollUntil(
    () => sidecar.telemetry(),
    (text) => sumOf(text, PRW_TRANSLATED_TIME_SERIES) !== before,
    { what: 'the sidecar to translate its next scrape', timeoutMs: 10_000, intervalMs: 20 },
  );
  return {
    produced: sumOf(page, PRW_TRANSLATED_TIME_SERIES),
    failed: sumOf(page, PRW_WAL_SEND_FAILED_SAMPLES),
    at: Date.now() / 1000,
  };
}
