import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort, startOtlpReceiver } from '@lookout/testkit';
import { describe, expect, it } from 'vitest';
import {
  EXPORTER_ENQUEUE_FAILED_SPANS,
  EXPORTER_SEND_FAILED_SPANS,
  RECEIVER_ACCEPTED_SPANS,
  RECEIVER_REFUSED_SPANS,
} from '../src/metric-names.ts';
import { type SidecarOptions, startSidecar, sumOf } from '../src/testing/index.ts';
import { postOtlpJson, randomId, spanRequest } from './support/otlp-json.ts';

// A three-span queue that gives up on a batch after about a second, so overflow and expiry
// both happen within a test. Everything else is the production config.
const TINY_QUEUE = `
exporters:
  otlp_http/tempo:
    retry_on_failure:
      initial_interval: 100ms
      max_interval: 200ms
      max_elapsed_time: 1s
    sending_queue:
      queue_size: 3
      num_consumers: 1
      batch:
        min_size: 1
        max_size: 1
`;

async function backendEnv(tempoUrl: string): Promise<SidecarOptions['env']> {
  const nowhere = `http://127.0.0.1:${await getFreePort()}`;
  return {
    LOOKOUT_METRICS_TARGET: `127.0.0.1:${await getFreePort()}`,
    LOOKOUT_TEMPO_ENDPOINT: tempoUrl,
    LOOKOUT_LOKI_ENDPOINT: `${nowhere}/otlp`,
    LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL: `${nowhere}/api/v1/write`,
  };
}

function oneSpan(traceId = randomId(16)) {
  return spanRequest({ traceId, spanId: randomId(8), resource: {}, attributes: {} });
}

describe('sidecar durability', () => {
  it('refuses and counts spans when its queue overflows, and counts those it gives up on', async () => {
    await using tempo = await startOtlpReceiver();
    tempo.setMode('unavailable');
    await using sidecar = await startSidecar({
      env: await backendEnv(tempo.url),
      overlays: [TINY_QUEUE],
    });

    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(await postOtlpJson(sidecar.otlpHttpUrl, 'traces', oneSpan()));
    const refused = statuses.filter((status) => status === 503).length;
    const accepted = statuses.filter((status) => status === 200).length;
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);

    // Every accepted span ends up either sent or counted as failed: here, failed.
    const text = await sidecar.waitForTelemetry(
      (page) => sumOf(page, EXPORTER_SEND_FAILED_SPANS) === accepted,
    );
    expect(sumOf(text, RECEIVER_ACCEPTED_SPANS)).toBe(accepted);
    expect(sumOf(text, RECEIVER_REFUSED_SPANS)).toBe(refused);
    expect(sumOf(text, EXPORTER_ENQUEUE_FAILED_SPANS)).toBe(refused);
  });

  it('delivers spans queued while Tempo was down after a kill -9 and a restart', async () => {
    await using tempo = await startOtlpReceiver();
    tempo.setMode('unavailable');
    const queueDir = await mkdtemp(join(tmpdir(), 'lookout-sidecar-queue-'));
    try {
      const env = await backendEnv(tempo.url);
      const first = await startSidecar({ env, queueDir });
      const traceId = randomId(16);
      expect(await postOtlpJson(first.otlpHttpUrl, 'traces', oneSpan(traceId))).toBe(200);

      // The exporter has taken the span from the queue and is retrying it: the worst moment.
      await tempo.requests.waitFor((r) => r.signal === 'traces' && r.status === 503);
      await first.crash();

      tempo.setMode('ok');
      await using second = await startSidecar({ env, queueDir });
      const [span] = await tempo.spans.waitFor((s) => s.traceId === traceId, { timeoutMs: 20_000 });
      expect(span?.traceId).toBe(traceId);
      expect(second.process.running).toBe(true);
    } finally {
      await rm(queueDir, { recursive: true, force: true });
    }
  });
});
