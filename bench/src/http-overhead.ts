/**
 * Express with the Lookout SDK against bare Express: requests per second and p99 latency of one
 * route, each variant run in its own process, alternately, several rounds, in this one session.
 * The figures that matter are the ratios (SDK / bare), which cancel out the machine's speed.
 *
 *   node bench/src/http-overhead.ts [--rounds 3] [--seconds 10] [--connections 50]
 */
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getFreePort, type ProcessHandle, spawnProcess } from '@lookout/testkit';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const APPS = fileURLToPath(new URL('../apps/', import.meta.url));

interface Sample {
  readonly rps: number;
  readonly p99Ms: number;
  readonly errors: number;
}

async function startApp(
  variant: 'bare' | 'instrumented',
  collectorUrl: string,
): Promise<{ handle: ProcessHandle; url: string }> {
  const port = await getFreePort();
  const preload = variant === 'instrumented' ? ['--import', '@lookout/sdk/register'] : [];
  // The app's log lines go to a file, as a container runtime would take them; read through a
  // pipe they would load this process, which also runs the load generator.
  const stdoutFd = openSync(join(tmpdir(), `lookout-bench-${variant}.log`), 'w');
  const started = spawnProcess({
    stdoutFd,
    command: process.execPath,
    args: [...preload, `${variant}.ts`],
    cwd: APPS,
    env: {
      PORT: String(port),
      NODE_ENV: 'production',
      OTEL_SERVICE_NAME: 'bench',
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_TRACES_SAMPLER: 'always_on',
      // The limiter runs on every request, as in production, with a budget that the one
      // address the load comes from cannot exhaust.
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=100000000/1m',
    },
    readyWhen: { stderrMatches: /listening on/ },
  });
  const handle = await started.finally(() => closeSync(stdoutFd));
  return { handle, url: `http://127.0.0.1:${port}` };
}

async function measure(url: string, duration: number): Promise<Sample> {
  const result = await autocannon({ url: `${url}/api/items/abc123`, connections, duration });
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function run(variant: 'bare' | 'instrumented', collectorUrl: string): Promise<Sample> {
  const { handle, url } = await startApp(variant, collectorUrl);
  try {
    await measure(url, 2); // warm-up: JIT, connection pools, first exports
    return await measure(url, seconds);
  } finally {
    await handle.stop();
  }
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const sinkPort = await getFreePort();
  await using sink = await spawnProcess({
    command: process.execPath,
    args: ['otlp-sink.ts'],
    cwd: APPS,
    env: { PORT: String(sinkPort) },
    readyWhen: { stderrMatches: /listening on/ },
  });
  const collectorUrl = `http://127.0.0.1:${sinkPort}`;
  const samples: Record<'bare' | 'instrumented', Sample[]> = { bare: [], instrumented: [] };

  for (let round = 1; round <= rounds; round++) {
    // Alternate which variant goes first, so drift in the machine's state favours neither.
    const order =
      round % 2 === 1 ? (['bare', 'instrumented'] as const) : (['instrumented', 'bare'] as const);
    for (const variant of order) {
      const sample = await run(variant, collectorUrl);
      samples[variant].push(sample);
      process.stdout.write(
        `round ${round} ${variant.padEnd(12)} ${sample.rps.toFixed(0).padStart(6)} req/s  p99 ${sample.p99Ms.toFixed(1)} ms  errors ${sample.errors}\n`,
      );
    }
  }
  report(samples);
  sink.kill('SIGTERM');
  await sink.exited;
  process.stdout.write(`collector sink received ${sink.stdout.at(-1) ?? '(nothing)'}\n`);
}

function report(samples: Record<'bare' | 'instrumented', Sample[]>): void {
  const bareRps = median(samples.bare.map((s) => s.rps));
  const sdkRps = median(samples.instrumented.map((s) => s.rps));
  const bareP99 = median(samples.bare.map((s) => s.p99Ms));
  const sdkP99 = median(samples.instrumented.map((s) => s.p99Ms));
  process.stdout.write(
    [
      '',
      `medians over ${rounds} alternating rounds of ${seconds}s, ${connections} connections, node ${process.version}`,
      `  bare Express      ${bareRps.toFixed(0)} req/s, p99 ${bareP99.toFixed(1)} ms`,
      `  with Lookout SDK  ${sdkRps.toFixed(0)} req/s, p99 ${sdkP99.toFixed(1)} ms`,
      `  throughput ratio (SDK / bare): ${(sdkRps / bareRps).toFixed(2)}`,
      `  p99 latency ratio (SDK / bare): ${(sdkP99 / bareP99).toFixed(2)}`,
      '',
    ].join('\n'),
  );
}

await main();
