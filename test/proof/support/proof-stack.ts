/**
 * The production path on loopback, for the proofs: Redis and the two example services with the
 * SDK, a real sidecar beside each scraping its service and remote-writing through a relay to
 * whichever Prometheus the current phase runs, an OTLP receiver standing in for Tempo and Loki,
 * and steady traffic. Prometheus, Alertmanager and the rules come per phase (see monitoring.ts).
 */
import { type Sidecar, startSidecar } from '@lookout/sidecar/testing';
import { getFreePort, type OtlpReceiver, startOtlpReceiver } from '@lookout/testkit';
import { type ExampleStack, startExampleStack } from '../../support/example-stack.ts';
import { type RemoteWriteRelay, startRemoteWriteRelay } from './remote-write-relay.ts';
import { SteadyTraffic } from './steady-traffic.ts';

/** The two example services; each is the `job` its sidecar scrapes it under. */
export type ServiceName = 'orders' | 'inventory';

export const SERVICE_NAMES: readonly ServiceName[] = ['orders', 'inventory'];

/** `deployment.environment.name` of the services and their sidecars. */
export const ENVIRONMENT = 'e2e';

/** Scrape interval of the sidecars and of Prometheus, seconds: the fast profile's assumption. */
export const SCRAPE_INTERVAL_SECONDS = 1;

/** Requests per second of the steady traffic (about 90% to orders, which calls inventory). */
export const STEADY_RPS = 10;

/**
 * The one setting the proofs change in the sidecar's config. Its write-ahead log is read and sent
 * every 5 s; the fast rules divide time by 60, so that delay would be five minutes of production
 * time and would empty 5-second rate windows. Compressed like the rules, it stays negligible.
 */
const FAST_SIDECAR_OVERLAY = `exporters:
  prometheus_remote_write:
    wal:
      truncate_frequency: 500ms
`;

/** Extra settings for one proof. */
export interface ProofStackOptions {
  /** More environment for both services (rate limits, SDK queue sizes...). */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /** More environment for both sidecars. */
  readonly sidecarEnv?: Readonly<Record<string, string>>;
}

/** A running stack; `stop()` ends everything it started. */
export interface ProofStack extends AsyncDisposable {
  readonly services: ExampleStack;
  readonly sidecars: Readonly<Record<ServiceName, Sidecar>>;
  /** Tempo and Loki both: the sidecars' OTLP exporters send here. */
  readonly backend: OtlpReceiver;
  readonly relay: RemoteWriteRelay;
  readonly traffic: SteadyTraffic;
  stop(): Promise<void>;
}

/** Starts the stack with its steady traffic running. */
export async function startProofStack(options: ProofStackOptions = {}): Promise<ProofStack> {
  const stoppables: { stop(): Promise<unknown> }[] = [];
  try {
    const [backend, relay] = await Promise.all([startOtlpReceiver(), startRemoteWriteRelay()]);
    stoppables.push(relay, backend);
    const ports = { orders: await getFreePort(), inventory: await getFreePort() };
    const sidecars = await startSidecars(ports, backend, relay, options);
    stoppables.unshift(sidecars.orders, sidecars.inventory);

    const services = await startExampleStack({
      ports,
      env: (name) => ({
        OTEL_EXPORTER_OTLP_ENDPOINT: sidecars[name].otlpHttpUrl,
        LOOKOUT_ENVIRONMENT: ENVIRONMENT,
        ...options.serviceEnv,
      }),
    });
    stoppables.unshift(services);
    const traffic = new SteadyTraffic({
      ordersUrl: services.orders.url,
      inventoryUrl: services.inventory.url,
    });
    traffic.run(STEADY_RPS);
    stoppables.unshift(traffic);
    return handle({ services, sidecars, backend, relay, traffic }, stoppables);
  } catch (error) {
    await stopInOrder(stoppables);
    throw error;
  }
}

async function startSidecars(
  ports: Readonly<Record<ServiceName, number>>,
  backend: OtlpReceiver,
  relay: RemoteWriteRelay,
  options: ProofStackOptions,
): Promise<Record<ServiceName, Sidecar>> {
  const start = (name: ServiceName) =>
    startSidecar({
      overlays: [FAST_SIDECAR_OVERLAY],
      env: {
        // The scrape job's name, so the service's series carry job="<name>".
        OTEL_SERVICE_NAME: name,
        LOOKOUT_ENVIRONMENT: ENVIRONMENT,
        // 127.0.0.1 rather than localhost: the SDK answers /metrics to loopback clients only.
        LOOKOUT_METRICS_TARGET: `127.0.0.1:${ports[name]}`,
        LOOKOUT_SCRAPE_INTERVAL: `${SCRAPE_INTERVAL_SECONDS}s`,
        LOOKOUT_SCRAPE_TIMEOUT: `${SCRAPE_INTERVAL_SECONDS}s`,
        LOOKOUT_TEMPO_ENDPOINT: backend.url,
        LOOKOUT_LOKI_ENDPOINT: backend.url,
        LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL: relay.url,
        ...options.sidecarEnv,
      },
    });
  const [orders, inventory] = await Promise.all([start('orders'), start('inventory')]);
  return { orders, inventory };
}

function handle(
  parts: Omit<ProofStack, 'stop' | typeof Symbol.asyncDispose>,
  stoppables: readonly { stop(): Promise<unknown> }[],
): ProofStack {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopInOrder(stoppables);
    return stopping;
  };
  return { ...parts, stop, [Symbol.asyncDispose]: stop };
}

// Traffic first, then the services (their last telemetry still finds a sidecar), then the rest.
async function stopInOrder(stoppables: readonly { stop(): Promise<unknown> }[]): Promise<void> {
  const failures: unknown[] = [];
  for (const stoppable of stoppables) {
    await stoppable.stop().catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
}
