/**
 * The whole delivery path as it runs in production, on loopback: Redis, the two example services
 * with the SDK, a real sidecar beside each, a real Prometheus receiving remote write, and OTLP
 * receivers standing in for Tempo and Loki (Loki's under `/otlp`, as Loki 3 serves it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sidecar, type SidecarOptions, startSidecar } from '@lookout/sidecar/testing';
import {
  getFreePort,
  type OtlpReceiver,
  type PrometheusServer,
  startOtlpReceiver,
  startPrometheus,
} from '@lookout/testkit';
import { type ExampleStack, startExampleStack } from '../../support/example-stack.ts';

/** The two example services, each the `job` its sidecar scrapes under. */
export type ServiceName = 'orders' | 'inventory';

export const SERVICE_NAMES: readonly ServiceName[] = ['orders', 'inventory'];

/** The sidecars' scrape interval in these tests, seconds: also the step of gap checks. */
export const SCRAPE_INTERVAL_SECONDS = 1;

/** The deployment environment the services report (deployment.environment.name). */
export const ENVIRONMENT = 'e2e';

/** A running pipeline; `stop()` ends every process it started. */
export interface PipelineStack extends AsyncDisposable {
  readonly tempo: OtlpReceiver;
  readonly loki: OtlpReceiver;
  readonly prometheus: PrometheusServer;
  /** The current sidecar of each service; {@link PipelineStack.restartSidecar} replaces it. */
  readonly sidecars: Record<ServiceName, Sidecar>;
  readonly services: ExampleStack;
  /**
   * Starts the service's sidecar again after it stopped or crashed: same environment, same
   * queue directory, new ports. The service keeps exporting to the old port.
   */
  restartSidecar(name: ServiceName): Promise<Sidecar>;
  stop(): Promise<void>;
}

/** Options of {@link startPipelineStack}. */
export interface PipelineStackOptions {
  /** Config overlays for every sidecar (the production config is always the base). */
  readonly sidecarOverlays?: readonly string[];
}

/**
 * Starts the backends first, then one sidecar per service (its scrape target is the port the
 * service will get), then the services pointing their OTLP exporters at their own sidecar.
 */
export async function startPipelineStack(
  options: PipelineStackOptions = {},
): Promise<PipelineStack> {
  const started: Stoppable[] = [];
  // Queues live outside each sidecar's own work directory, which a crashed sidecar's cleanup
  // removes: the sidecar started after the crash must find them.
  const queueDirs = {
    orders: await mkdtemp(join(tmpdir(), 'lookout-queue-orders-')),
    inventory: await mkdtemp(join(tmpdir(), 'lookout-queue-inventory-')),
  };
  const removeQueues = { stop: () => removeDirs(Object.values(queueDirs)) };
  started.push(removeQueues);
  try {
    const [tempo, loki, prometheus] = await Promise.all([
      startOtlpReceiver(),
      startOtlpReceiver({ pathPrefix: '/otlp' }),
      startPrometheus({ enableRemoteWriteReceiver: true, exemplarStorage: true }),
    ]);
    started.push(tempo, loki, prometheus);

    const ports = { orders: await getFreePort(), inventory: await getFreePort() };
    const sidecarOptions = (name: ServiceName): SidecarOptions => ({
      env: sidecarEnvironment(name, ports[name], { tempo, loki, prometheus }),
      overlays: options.sidecarOverlays,
      queueDir: queueDirs[name],
    });
    const sidecars = {
      orders: await startSidecar(sidecarOptions('orders')),
      inventory: await startSidecar(sidecarOptions('inventory')),
    };
    started.push(sidecars.orders, sidecars.inventory);

    const services = await startExampleStack({
      ports,
      env: (name) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: sidecars[name].otlpHttpUrl }),
    });
    const restartSidecar = async (name: ServiceName) => {
      await sidecars[name].stop();
      sidecars[name] = await startSidecar(sidecarOptions(name));
      return sidecars[name];
    };
    const parts = { tempo, loki, prometheus, sidecars, services, restartSidecar };
    return pipelineHandle(parts, removeQueues);
  } catch (error) {
    await stopAll(started.reverse());
    throw error;
  }
}

function sidecarEnvironment(
  name: ServiceName,
  servicePort: number,
  backends: { tempo: OtlpReceiver; loki: OtlpReceiver; prometheus: PrometheusServer },
): Record<string, string> {
  return {
    // The scrape job's name, so Prometheus's `job` label is the service's name.
    OTEL_SERVICE_NAME: name,
    // The environment label the sidecar puts on every series it scrapes and on its own metrics.
    LOOKOUT_ENVIRONMENT: ENVIRONMENT,
    // 127.0.0.1 rather than localhost: the SDK answers /metrics to loopback clients only.
    LOOKOUT_METRICS_TARGET: `127.0.0.1:${servicePort}`,
    LOOKOUT_SCRAPE_INTERVAL: `${SCRAPE_INTERVAL_SECONDS}s`,
    LOOKOUT_SCRAPE_TIMEOUT: `${SCRAPE_INTERVAL_SECONDS}s`,
    LOOKOUT_TEMPO_ENDPOINT: backends.tempo.url,
    LOOKOUT_LOKI_ENDPOINT: backends.loki.url,
    LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL: `${backends.prometheus.url}/api/v1/write`,
  };
}

function pipelineHandle(
  parts: Omit<PipelineStack, 'stop' | typeof Symbol.asyncDispose>,
  removeQueues: { stop(): Promise<unknown> },
): PipelineStack {
  let stopping: Promise<void> | undefined;
  // Services first, so their last telemetry still finds a sidecar; backends last.
  const stop = () => {
    stopping ??= stopInStages([
      [parts.services],
      Object.values(parts.sidecars),
      [parts.tempo, parts.loki, parts.prometheus, removeQueues],
    ]);
    return stopping;
  };
  return { ...parts, stop, [Symbol.asyncDispose]: stop };
}

async function removeDirs(dirs: readonly string[]): Promise<void> {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

type Stoppable = { stop(): Promise<unknown> };

/** Stops every handle even when some fail, then reports the first failure. */
export async function stopAll(handles: readonly Stoppable[]): Promise<void> {
  await stopInStages([handles]);
}

/** Stops stage after stage, each in parallel; a failure neither skips a stage nor hides. */
async function stopInStages(stages: readonly (readonly Stoppable[])[]): Promise<void> {
  const failures: unknown[] = [];
  for (const stage of stages) {
    const results = await Promise.allSettled(stage.map((handle) => handle.stop()));
    for (const result of results) if (result.status === 'rejected') failures.push(result.reason);
  }
  if (failures.length > 0) throw failures[0];
}
