/**
 * Metric samples, sidecar by sidecar: what each produced for remote write up to a clean cut,
 * against what Prometheus holds of that service's scrapes up to the same cut.
 */
import type { PrometheusServer } from '@lookout/testkit';
import type { ServiceName } from './pipeline-stack.ts';
import { pollUntil } from './poll-until.ts';
import type { ScrapeCut } from './scrape-cut.ts';
import { type ScrapedDelivery, scrapedDelivery } from './scraped-delivery.ts';

/** One service's metric stream: its sidecar's cut and Prometheus's side of it. */
export interface MetricAccount {
  readonly job: ServiceName;
  readonly cut: ScrapeCut;
  readonly delivery: ScrapedDelivery;
}

/** Samples of an account Prometheus received, staleness markers included. */
export const receivedSamples = (account: MetricAccount) =>
  account.delivery.stored + account.delivery.staleMarkers;

/**
 * Waits until Prometheus holds every sample each sidecar produced since `since` up to its cut,
 * or the timeout passes; either way returns the accounts, for the report to show the difference.
 */
export async function metricAccounts(
  prometheus: PrometheusServer,
  cuts: ReadonlyMap<ServiceName, ScrapeCut>,
  options: { since: number; timeoutMs: number },
): Promise<MetricAccount[]> {
  const read = () =>
    Promise.all(
      [...cuts].map(async ([job, cut]) => {
        const range = { start: options.since, end: cut.at };
        return { job, cut, delivery: await scrapedDelivery(prometheus, job, range) };
      }),
    );
  return pollUntil(
    read,
    (accounts) => accounts.every((a) => receivedSamples(a) >= a.cut.produced),
    {
      what: 'every produced sample to be stored',
      timeoutMs: options.timeoutMs,
      intervalMs: 1_000,
      lastOnTimeout: true,
    },
  );
}
