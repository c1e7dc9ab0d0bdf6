import { readdir } from 'node:fs/promises';
import { getFreePort, spawnProcess } from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORTER_QUEUE_CAPACITY, SIDECAR_METRICS_AT_IDLE } from '../src/metric-names.ts';
import {
  metricFamilies,
  requireSidecarBinary,
  SIDECAR_HEALTHCHECK,
  type Sidecar,
  startSidecar,
  sumOf,
} from '../src/testing/index.ts';

/** Runs the image's health probe as Docker would, with `env`, and returns its exit code. */
async function runProbe(env: Record<string, string>): Promise<number | null> {
  await using probe = await spawnProcess({
    command: requireSidecarBinary(SIDECAR_HEALTHCHECK),
    env,
  });
  return (await probe.exited).code;
}

let sidecar: Sidecar;

beforeAll(async () => {
  // Nothing listens on the backend port: an idle sidecar must start and stay healthy without
  // its backends, which may come up after it.
  const nowhere = `http://127.0.0.1:${await getFreePort()}`;
  sidecar = await startSidecar({
    env: {
      LOOKOUT_METRICS_TARGET: `127.0.0.1:${await getFreePort()}`,
      LOOKOUT_TEMPO_ENDPOINT: nowhere,
      LOOKOUT_LOKI_ENDPOINT: `${nowhere}/otlp`,
      LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL: `${nowhere}/api/v1/write`,
    },
  });
});

afterAll(async () => {
  await sidecar?.stop();
});

describe('sidecar health and own telemetry', () => {
  it('answers its health check on the port given by LOOKOUT_HEALTH_PORT', async () => {
    const response = await fetch(sidecar.healthUrl);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'Server available' });
  });

  it("passes the image's health probe, which reads the same LOOKOUT_HEALTH_PORT", async () => {
    expect(await runProbe({ LOOKOUT_HEALTH_PORT: String(sidecar.ports.health) })).toBe(0);
    expect(await runProbe({ LOOKOUT_HEALTH_PORT: String(await getFreePort()) })).toBe(1);
  });

  it('serves every metric that exists at idle under the names dashboards import', async () => {
    const families = metricFamilies(await sidecar.telemetry());

    for (const name of SIDECAR_METRICS_AT_IDLE) expect(families, name).toContain(name);
  });

  it("reports each persistent queue's capacity from the config", async () => {
    const text = await sidecar.telemetry();

    expect(sumOf(text, EXPORTER_QUEUE_CAPACITY, { exporter: 'otlp_http/tempo' })).toBe(500_000);
    expect(sumOf(text, EXPORTER_QUEUE_CAPACITY, { exporter: 'otlp_http/loki' })).toBe(500_000);
  });

  it('keeps its queues on disk in LOOKOUT_QUEUE_DIR', async () => {
    const entries = await readdir(sidecar.queueDir);

    expect(entries).toEqual(
      expect.arrayContaining([
        'exporter_otlp_http_tempo_traces',
        'exporter_otlp_http_loki_logs',
        'prometheus',
      ]),
    );
    expect(await readdir(`${sidecar.queueDir}/prometheus`)).toContain('prom_remotewrite');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exit = await sidecar.stop();

    expect(exit).toEqual({ code: 0, signal: null });
  });
});
