/**
 * Steady traffic for the demo: `node src/loadgen/main.ts` with ORDERS_URL, INVENTORY_URL and
 * LOADGEN_RPS (default 20). Prints a one-line summary every 10 seconds; stops on SIGINT/SIGTERM.
 */
import { portFromEnv } from '../shared/service.ts';
import { TrafficMix } from './traffic-mix.ts';

const rps = Number(process.env.LOADGEN_RPS ?? '20');
if (!Number.isFinite(rps) || rps <= 0 || rps > 5000) {
  process.stderr.write(
    `LOADGEN_RPS must be a number between 0 and 5000, got "${process.env.LOADGEN_RPS}"\n`,
  );
  process.exit(78);
}
const mix = new TrafficMix(
  process.env.ORDERS_URL ?? `http://127.0.0.1:${portFromEnv('ORDERS_PORT', 3000)}`,
  process.env.INVENTORY_URL ?? `http://127.0.0.1:${portFromEnv('INVENTORY_PORT', 3001)}`,
);

const statuses = new Map<string, number>();
let latencies: number[] = [];
let inFlight = 0;
// Beyond this many outstanding requests the service is not keeping up; skip rather than pile on.
const MAX_IN_FLIGHT = Math.max(50, rps * 5);

async function send(): Promise<void> {
  if (inFlight >= MAX_IN_FLIGHT)
    return void statuses.set('skipped', (statuses.get('skipped') ?? 0) + 1);
  const planned = mix.next();
  const started = performance.now();
  inFlight++;
  try {
    const response = await fetch(planned.url, {
      ...planned.init,
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.text();
    if (planned.name === 'create order' && response.status === 201)
      mix.remember(JSON.parse(body).orderId);
    statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
  } catch {
    statuses.set('error', (statuses.get('error') ?? 0) + 1);
  } finally {
    inFlight--;
    latencies.push(performance.now() - started);
  }
}

function summarise(): void {
  const sorted = latencies.sort((a, b) => a - b);
  const quantile = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  const counts = [...statuses].map(([status, count]) => `${status}=${count}`).join(' ');
  process.stdout.write(
    `loadgen: ${sorted.length} requests in 10s, p50=${quantile(0.5)}ms p99=${quantile(0.99)}ms ${counts}\n`,
  );
  latencies = [];
  statuses.clear();
}

const ticker = setInterval(() => void send(), 1000 / rps);
const reporter = setInterval(summarise, 10_000);
const stop = () => {
  clearInterval(ticker);
  clearInterval(reporter);
  summarise();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
