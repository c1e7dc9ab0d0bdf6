import { fileURLToPath } from 'node:url';
import {
  getFreePort,
  type ProcessHandle,
  type RedisServer,
  spawnProcess,
  startRedis,
} from '@lookout/testkit';

const EXAMPLE_SERVICE = fileURLToPath(new URL('../../packages/example-service/', import.meta.url));

/** The admin token the example services are started with in tests. */
export const ADMIN_TOKEN = 'e2e-admin-token';

export interface ExampleService {
  readonly name: 'orders' | 'inventory';
  readonly url: string;
  readonly port: number;
  readonly process: ProcessHandle;
}

export interface ExampleStack extends AsyncDisposable {
  readonly redis: RedisServer;
  readonly inventory: ExampleService;
  readonly orders: ExampleService;
  /** Stops and starts one service again on the same port (a crash and a restart). */
  restart(name: 'orders' | 'inventory', env?: Record<string, string>): Promise<ExampleService>;
  stop(): Promise<void>;
}

export interface ExampleStackOptions {
  /** Extra environment per service, e.g. the OTLP endpoint of its sidecar. */
  readonly env?: (name: 'orders' | 'inventory') => Record<string, string | undefined>;
  /** Fixed ports, when a sidecar or Prometheus was configured before the services started. */
  readonly ports?: { readonly orders?: number; readonly inventory?: number };
}

/**
 * Starts Redis and the two example services exactly as an operator would: each a Node process
 * preloading `@lookout/sdk/register`, configured only through the environment.
 */
export async function startExampleStack(options: ExampleStackOptions = {}): Promise<ExampleStack> {
  const redis = await startRedis();
  const ports = {
    inventory: options.ports?.inventory ?? (await getFreePort()),
    orders: options.ports?.orders ?? (await getFreePort()),
  };
  const start = (name: 'orders' | 'inventory', extra: Record<string, string> = {}) =>
    startService(name, ports[name], {
      REDIS_URL: redis.url,
      INVENTORY_URL: `http://127.0.0.1:${ports.inventory}`,
      ...options.env?.(name),
      ...extra,
    });
  const services = { inventory: await start('inventory'), orders: await start('orders') };

  const stop = async () => {
    await Promise.all([services.orders.process.stop(), services.inventory.process.stop()]);
    await redis.stop();
  };
  return {
    redis,
    get inventory() {
      return services.inventory;
    },
    get orders() {
      return services.orders;
    },
    async restart(name, env) {
      await services[name].process.stop();
      services[name] = await start(name, env);
      return services[name];
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

async function startService(
  name: 'orders' | 'inventory',
  port: number,
  env: Record<string, string | undefined>,
): Promise<ExampleService> {
  const process = await spawnProcess({
    name,
    command: globalThis.process.execPath,
    args: ['--import', '@lookout/sdk/register', `src/${name}/main.ts`],
    cwd: EXAMPLE_SERVICE,
    env: {
      PORT: String(port),
      OTEL_SERVICE_NAME: name,
      LOOKOUT_ENVIRONMENT: 'e2e',
      LOOKOUT_ADMIN_TOKEN: ADMIN_TOKEN,
      // All test traffic comes from one address; the default budget (300/min) would refuse it.
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=1000000/1m',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_BLRP_SCHEDULE_DELAY: '200',
      ...env,
    },
    readyWhen: { url: `http://127.0.0.1:${port}/readyz` },
  });
  return { name, port, url: `http://127.0.0.1:${port}`, process };
}

/** Switches the fault injection of a running example service (see its admin API). */
export async function setFaults(
  service: ExampleService,
  faults: Record<string, number>,
): Promise<void> {
  const response = await fetch(`${service.url}/admin/faults`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok)
    throw new Error(
      `setting faults on ${service.name} failed: ${response.status} ${await response.text()}`,
    );
}
