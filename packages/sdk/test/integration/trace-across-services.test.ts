import { type OtlpReceiver, startOtlpReceiver } from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESM_PRELOAD, startService } from './support.ts';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());

describe('a request crossing two services', () => {
  it('forms one trace: the downstream server span is a child of the upstream client span', async () => {
    await using downstream = await startService({
      receiver,
      preload: ESM_PRELOAD,
      env: { OTEL_SERVICE_NAME: 'inventory' },
    });
    await using upstream = await startService({
      receiver,
      preload: ESM_PRELOAD,
      env: { OTEL_SERVICE_NAME: 'orders', DOWNSTREAM_URL: downstream.url },
    });
    await (await fetch(`${upstream.url}/chain`)).json();

    const [root] = await receiver.spans.waitFor(
      (s) => s.resource['service.name'] === 'orders' && s.name === 'GET /chain',
    );
    const traceId = root?.traceId;
    const [child] = await receiver.spans.waitFor(
      (s) =>
        s.traceId === traceId && s.resource['service.name'] === 'inventory' && s.kind === 'server',
    );
    const client = receiver.spans.filter((s) => s.traceId === traceId && s.kind === 'client')[0];
    expect(root?.parentSpanId).toBeUndefined();
    expect(client?.resource['service.name']).toBe('orders');
    expect(child?.parentSpanId).toBe(client?.spanId);
    expect(child?.name).toBe('GET /hello/:name');

    const [downstreamLog] = await receiver.logs.waitFor(
      (log) => log.traceId === traceId && log.body === 'greeting',
    );
    expect(downstreamLog?.resource['service.name']).toBe('inventory');
  });

  it('never sends OpenTelemetry metrics: prom-client owns them', async () => {
    expect(receiver.requestCounts()['/v1/metrics'] ?? 0).toBe(0);
    expect(receiver.metrics.size).toBe(0);
  });
});
