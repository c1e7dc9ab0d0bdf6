/**
 * Readings across a whole pipeline stack that the loss test takes at its checkpoints: the
 * sidecars' counts together, delivery at the stand-in backends, and cuts of the metric streams.
 */
import { type DeliveredCount, deliveredLogs, deliveredSpans } from './delivered-records.ts';
import { type PipelineStack, SERVICE_NAMES, type ServiceName } from './pipeline-stack.ts';
import { pollUntil } from './poll-until.ts';
import { cutAfterNextScrape, type ScrapeCut } from './scrape-cut.ts';
import { scrapedDelivery } from './scraped-delivery.ts';
import { addCounts, type SidecarCounts, sidecarCounts } from './sidecar-counts.ts';

/** Every sidecar's counts, added up. */
export async function allSidecarCounts(stack: PipelineStack): Promise<SidecarCounts> {
  const counts = SERVICE_NAMES.map((name) => sidecarCounts(stack.sidecars[name]));
  return addCounts(await Promise.all(counts));
}

/**
 * The sidecars' counts once the services have handed over everything: the SDK exports every
 * 200 ms here, so span and log counts that stay put for a second mean nothing more is coming.
 */
export function settledSidecarCounts(stack: PipelineStack): Promise<SidecarCounts> {
  let previous = '';
  return pollUntil(
    () => allSidecarCounts(stack),
    (counts) => {
      const key = `${counts.spans.accepted}/${counts.logs.accepted}`;
      const settled = key === previous;
      previous = key;
      return settled;
    },
    { what: 'the services to finish exporting', timeoutMs: 30_000, intervalMs: 1_000 },
  );
}

/** What the sidecars accepted and what Tempo and Loki hold of it. */
export interface SpansAndLogs {
  readonly counts: SidecarCounts;
  readonly spans: DeliveredCount;
  readonly logs: DeliveredCount;
}

/**
 * Waits until Tempo and Loki hold, once each, everything `accepted()` says the sidecars took
 * in, or the timeout passes; either way returns the last reading, for the report.
 */
export function waitForSpansAndLogs(
  stack: PipelineStack,
  accepted: () => Promise<SidecarCounts>,
  timeoutMs: number,
): Promise<SpansAndLogs> {
  const read = async () => ({
    counts: await accepted(),
    spans: deliveredSpans(stack.tempo, SERVICE_NAMES),
    logs: deliveredLogs(stack.loki, SERVICE_NAMES),
  });
  return pollUntil(
    read,
    ({ counts, spans, logs }) =>
      spans.unique >= counts.spans.accepted && logs.unique >= counts.logs.accepted,
    { what: 'spans and logs to be delivered', timeoutMs, lastOnTimeout: true },
  );
}

/** A clean cut through every sidecar's metric stream (see scrape-cut.ts). */
export async function cutEverySidecar(stack: PipelineStack): Promise<Map<ServiceName, ScrapeCut>> {
  const cut = async (name: ServiceName) =>
    [name, await cutAfterNextScrape(stack.sidecars[name])] as const;
  return new Map(await Promise.all(SERVICE_NAMES.map(cut)));
}

/** The longest stretch without a stored scrape of any service in (start, end], seconds. */
export async function longestScrapeGap(
  stack: PipelineStack,
  start: number,
  end: number,
): Promise<number> {
  const range = { start, end };
  const jobs = SERVICE_NAMES.map((job) => scrapedDelivery(stack.prometheus, job, range));
  return Math.max(...(await Promise.all(jobs)).map((job) => job.longestScrapeGap));
}
