import { describe, expect, it } from 'vitest';
import { startPrometheus } from '../src/index.ts';
import { EXEMPLAR_TRACE_ID, startMetricsEndpoint } from './support/metrics-endpoint.ts';

const hasSamples = (result: { samples: unknown[] }) => result.samples.length > 0;

describe('startPrometheus', () => {
  it('scrapes a prom-client endpoint and answers instant, range and exemplar queries', async () => {
    await using endpoint = await startMetricsEndpoint();
    await using prometheus = await startPrometheus({
      targets: [endpoint.target],
      jobName: 'orders',
      exemplarStorage: true,
    });

    const result = await prometheus.waitForQuery('testkit_orders_total', hasSamples);
    expect(result.type).toBe('vector');
    expect(result.samples[0]).toMatchObject({
      labels: { job: 'orders', instance: endpoint.target, route: '/orders' },
      value: 5,
    });
    const [target] = await prometheus.targets();
    expect(target).toMatchObject({ health: 'up', scrapeUrl: `http://${endpoint.target}/metrics` });

    const now = Date.now() / 1000;
    const series = await prometheus.queryRange('testkit_orders_total', {
      start: now - 60,
      end: now,
      stepSeconds: 1,
    });
    expect(series[0]?.values.at(-1)?.value).toBe(5);
    const [exemplars] = await prometheus.queryExemplars('testkit_orders_total');
    expect(exemplars?.exemplars[0]).toMatchObject({
      labels: { trace_id: EXEMPLAR_TRACE_ID },
      value: 5,
    });
    expect(await prometheus.query('scalar(vector(2) * 21)')).toMatchObject({
      type: 'scalar',
      samples: [{ labels: {}, value: 42 }],
    });
  });

  it('names the PromQL error when a query is invalid', async () => {
    await using prometheus = await startPrometheus();
    await expect(prometheus.query('sum(')).rejects.toThrow(
      /api\/v1\/query failed \(400\): .*parse error/,
    );
  });

  it('picks up new targets on reload and keeps its data across a temporary stop', async () => {
    await using endpoint = await startMetricsEndpoint();
    await using prometheus = await startPrometheus({ enableRemoteWriteReceiver: true });
    expect(await prometheus.targets()).toEqual([]);

    await prometheus.reload({ targets: [endpoint.target] });
    const scraped = await prometheus.waitForQuery('testkit_orders_total', hasSamples);
    const scrapedAt = scraped.samples[0]?.timestamp ?? 0;
    await prometheus.stopTemporarily();
    await expect(prometheus.query('up')).rejects.toThrow();
    await prometheus.start();

    // Evaluated at a moment before the stop, so only data that survived the restart can answer.
    const before = await prometheus.query('testkit_orders_total', scrapedAt);
    expect(before.samples[0]?.value).toBe(5);
    // The remote-write receiver is on: an empty write is a bad request, not a missing endpoint.
    const write = await fetch(`${prometheus.url}/api/v1/write`, { method: 'POST', body: '' });
    expect(write.status).toBe(400);
  });
});
