import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIDECAR_JOB } from '@lookout/alerts';
import { type Sidecar, startSidecar } from '@lookout/sidecar/testing';
import {
  getFreePort,
  type OtlpReceiver,
  type ProcessHandle,
  type PrometheusServer,
  spawnProcess,
  startAlertmanager,
  startOtlpReceiver,
  startPrometheus,
  startRedis,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@lookout/testkit';
import { demoAlertmanagerConfig } from './demo-alertmanager.ts';

const SERVICE_DIR = fileURLToPath(new URL('../', import.meta.url));
const RULES_DIR = fileURLToPath(new URL('../../../alerts/generated/', import.meta.url));

/** Everything the demo runs, for the status line and the shutdown. */
export interface DemoStack {
  readonly prometheus: PrometheusServer;
  readonly alertmanagerUrl: string;
  readonly tempo: OtlpReceiver;
  readonly loki: OtlpReceiver;
  readonly alerts: WebhookReceiver;
  readonly services: Readonly<Record<'orders' | 'inventory', { url: string; sidecar: Sidecar }>>;
  stop(): Promise<void>;
}

type Stoppable = { stop(): Promise<unknown> };

/** A preferred port when it is free (so the printed URLs are familiar), else any free port. */
async function portNear(preferred: number): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => void getFreePort().then(resolve));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}

/**
 * Starts the monitoring stack natively (Debian's Prometheus and Alertmanager, the sidecar
 * binary, OTLP receivers standing in for Tempo and Loki), then Redis, the two services, each
 * with its own sidecar, and steady traffic. Every part is stopped by `stop()`, newest first.
 */
export async function startDemoStack(rps: number, log: (line: string) => void): Promise<DemoStack> {
  const started: Stoppable[] = [];
  const keep = <T extends Stoppable>(part: T): T => {
    started.push(part);
    return part;
  };
  const stop = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };

  try {
    log('starting Tempo and Loki stand-ins (OTLP receivers), Alertmanager and Prometheus');
    const tempo = keep(await startOtlpReceiver());
    const loki = keep(await startOtlpReceiver({ pathPrefix: '/otlp' }));
    const alerts = keep(await startWebhookReceiver());
    const alertmanager = keep(
      await startAlertmanager({ configYaml: demoAlertmanagerConfig(alerts.url) }),
    );
    const sidecarPorts: number[] = [];
    const prometheusPort = await portNear(9090);
    // Prometheus watches itself as in Compose: RemoteWriteRejected reads its own request counts.
    const selfScrape = {
      job_name: 'prometheus',
      static_configs: [{ targets: [`127.0.0.1:${prometheusPort}`] }],
    };
    const prometheus = keep(
      await startPrometheus({
        port: prometheusPort,
        // As in Compose: a batch the sidecar re-sends after a refusal is older than what arrived
        // meanwhile, and would be refused again for ever without this window.
        outOfOrderTimeWindow: '30m',
        enableRemoteWriteReceiver: true,
        exemplarStorage: true,
        scrapeInterval: '15s',
        evaluationInterval: '15s',
        ruleFiles: readdirSync(RULES_DIR).map((file) => join(RULES_DIR, file)),
        alertmanagerUrls: [alertmanager.url],
        scrapeConfigs: [selfScrape, { job_name: SIDECAR_JOB, static_configs: [{ targets: [] }] }],
      }),
    );

    log('starting Redis, the inventory and orders services and their sidecars');
    const redis = keep(await startRedis());
    const ports = { inventory: await portNear(3001), orders: await portNear(3000) };
    const services = {} as Record<'orders' | 'inventory', { url: string; sidecar: Sidecar }>;
    for (const name of ['inventory', 'orders'] as const) {
      const sidecar = keep(
        await startSidecar({
          env: {
            OTEL_SERVICE_NAME: name,
            LOOKOUT_ENVIRONMENT: 'demo',
            LOOKOUT_METRICS_TARGET: `127.0.0.1:${ports[name]}`,
            LOOKOUT_SCRAPE_INTERVAL: '15s',
            LOOKOUT_TEMPO_ENDPOINT: tempo.url,
            LOOKOUT_LOKI_ENDPOINT: loki.url,
            LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL: `${prometheus.url}/api/v1/write`,
          },
        }),
      );
      sidecarPorts.push(sidecar.ports.telemetry);
      keep(await startService(name, ports[name], sidecar.otlpHttpUrl, redis.url, ports.inventory));
      services[name] = { url: `http://127.0.0.1:${ports[name]}`, sidecar };
    }
    await prometheus.reload({
      scrapeConfigs: [
        selfScrape,
        {
          job_name: SIDECAR_JOB,
          static_configs: [{ targets: sidecarPorts.map((p) => `127.0.0.1:${p}`) }],
        },
      ],
    });

    log(`starting the load generator at ${rps} requests per second`);
    keep(
      await spawnProcess({
        name: 'loadgen',
        command: process.execPath,
        args: ['src/loadgen/main.ts'],
        cwd: SERVICE_DIR,
        echo: true,
        env: {
          LOADGEN_RPS: String(rps),
          ORDERS_URL: services.orders.url,
          INVENTORY_URL: services.inventory.url,
        },
      }),
    );
    return { prometheus, alertmanagerUrl: alertmanager.url, tempo, loki, alerts, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startService(
  name: 'orders' | 'inventory',
  port: number,
  otlpUrl: string,
  redisUrl: string,
  inventoryPort: number,
): Promise<ProcessHandle> {
  return spawnProcess({
    name,
    command: process.execPath,
    args: ['--import', '@lookout/sdk/register', `src/${name}/main.ts`],
    cwd: SERVICE_DIR,
    env: {
      PORT: String(port),
      OTEL_SERVICE_NAME: name,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl,
      LOOKOUT_ENVIRONMENT: 'demo',
      LOOKOUT_ADMIN_TOKEN: 'demo-admin-token',
      // All demo traffic comes from one address; the default per-address budget would refuse it.
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=1000000/1m',
      REDIS_URL: redisUrl,
      INVENTORY_URL: `http://127.0.0.1:${inventoryPort}`,
    },
    readyWhen: { url: `http://127.0.0.1:${port}/readyz` },
  });
}
