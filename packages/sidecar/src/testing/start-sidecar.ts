/**
 * Runs the real sidecar binary for a test: the production config, every port moved to a free
 * one through the same environment variables an operator would use, a private queue directory,
 * and optional config overlays merged on top.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { getFreePort, type ProcessExit, type ProcessHandle, spawnProcess } from '@lookout/testkit';
import { requireSidecarBinary, SIDECAR_CONFIG } from './sidecar-paths.ts';
import { metricFamilies } from './telemetry-text.ts';

/** Options of {@link startSidecar}. */
export interface SidecarOptions {
  /** More environment: backend endpoints, the scrape target... Ports are set by the runner. */
  env?: Record<string, string | undefined>;
  /** YAML documents merged over the config in order (the collector's own merge). */
  overlays?: readonly string[];
  /** Config files before the overlays. Default: config/sidecar.yaml. */
  configFiles?: readonly string[];
  /** Persistent queue directory. Default: a fresh one, removed on stop. Pass one to restart. */
  queueDir?: string;
  /** Default: packages/sidecar/_build/otelcol-lookout. */
  binary?: string;
  /** Default 30 000. */
  readyTimeoutMs?: number;
}

/** The ports a sidecar listens on. */
export interface SidecarPorts {
  otlpGrpc: number;
  otlpHttp: number;
  health: number;
  telemetry: number;
}

/** A running sidecar; see {@link startSidecar}. */
export interface Sidecar extends AsyncDisposable {
  readonly process: ProcessHandle;
  readonly ports: SidecarPorts;
  /** Base URL of the OTLP/HTTP receiver: the SDK's `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly otlpHttpUrl: string;
  readonly healthUrl: string;
  /** The collector's own metrics page. */
  readonly telemetryUrl: string;
  readonly queueDir: string;
  /** The current text of the collector's own metrics page. */
  telemetry(): Promise<string>;
  /**
   * Resolves with the metrics page once `check` accepts it. The collector cannot notify a
   * test, so this polls every 100 ms; it rejects after `timeoutMs` (default 20 000) with the
   * names the page had.
   */
  waitForTelemetry(check: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** SIGTERM (the collector drains what it can), then cleanup. Idempotent. */
  stop(): Promise<ProcessExit>;
  /** SIGKILL, as a crash would: no drain, no flush. Then cleanup. */
  crash(): Promise<ProcessExit>;
}

const ATTEMPTS = 3;
const ADDRESS_IN_USE = /address already in use/i;

/**
 * Starts the sidecar and resolves once its health_check answers 200, which the collector only
 * does after every pipeline has started. A port taken between choosing and binding it makes
 * the start fail; it is retried with fresh ports.
 */
export async function startSidecar(options: SidecarOptions = {}): Promise<Sidecar> {
  const binary = requireSidecarBinary(options.binary);
  const workDir = await mkdtemp(join(tmpdir(), 'lookout-sidecar-'));
  try {
    const configArgs = await configArguments(workDir, options);
    const queueDir = options.queueDir ?? join(workDir, 'queue');
    await mkdir(queueDir, { recursive: true });
    return await startWithRetries(binary, configArgs, queueDir, workDir, options);
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

async function configArguments(workDir: string, options: SidecarOptions): Promise<string[]> {
  const files = [...(options.configFiles ?? [SIDECAR_CONFIG])];
  for (const [index, overlay] of (options.overlays ?? []).entries()) {
    const file = join(workDir, `overlay-${index}.yaml`);
    await writeFile(file, overlay);
    files.push(file);
  }
  return files.flatMap((file) => ['--config', file]);
}

async function startWithRetries(
  binary: string,
  configArgs: string[],
  queueDir: string,
  workDir: string,
  options: SidecarOptions,
): Promise<Sidecar> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ports = await freePorts();
    try {
      const process = await spawnProcess({
        command: binary,
        args: configArgs,
        env: { ...options.env, ...portEnv(ports), LOOKOUT_QUEUE_DIR: queueDir },
        name: `sidecar:${ports.otlpHttp}`,
        readyWhen: { url: `http://127.0.0.1:${ports.health}/`, expectStatus: 200 },
        readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
      });
      return sidecarHandle(process, ports, queueDir, workDir);
    } catch (error) {
      lastError = error;
      if (!ADDRESS_IN_USE.test(String((error as Error).message))) throw error;
    }
  }
  throw lastError;
}

async function freePorts(): Promise<SidecarPorts> {
  // Chosen one after another, each port is released before the next is asked for, so the OS
  // may hand out the same number twice; ask again until all four differ.
  const chosen = new Set<number>();
  while (chosen.size < 4) chosen.add(await getFreePort());
  const [otlpGrpc, otlpHttp, health, telemetry] = [...chosen] as [number, number, number, number];
  return { otlpGrpc, otlpHttp, health, telemetry };
}

function portEnv(ports: SidecarPorts): Record<string, string> {
  return {
    LOOKOUT_OTLP_GRPC_PORT: String(ports.otlpGrpc),
    LOOKOUT_OTLP_HTTP_PORT: String(ports.otlpHttp),
    LOOKOUT_HEALTH_PORT: String(ports.health),
    LOOKOUT_TELEMETRY_PORT: String(ports.telemetry),
  };
}

function sidecarHandle(
  process: ProcessHandle,
  ports: SidecarPorts,
  queueDir: string,
  workDir: string,
): Sidecar {
  const telemetryUrl = `http://127.0.0.1:${ports.telemetry}/metrics`;
  const cleanup = async (exit: ProcessExit) => {
    await rm(workDir, { recursive: true, force: true });
    return exit;
  };
  let stopping: Promise<ProcessExit> | undefined;
  const stop = () => {
    stopping ??= process.stop().then(cleanup);
    return stopping;
  };
  const crash = () => {
    process.kill('SIGKILL');
    return stop();
  };

  return {
    process,
    ports,
    otlpHttpUrl: `http://127.0.0.1:${ports.otlpHttp}`,
    healthUrl: `http://127.0.0.1:${ports.health}/`,
    telemetryUrl,
    queueDir,
    telemetry: () => fetchText(telemetryUrl),
    waitForTelemetry: (check, timeoutMs = 20_000) => pollText(telemetryUrl, check, timeoutMs),
    stop,
    crash,
    [Symbol.asyncDispose]: async () => {
      await stop();
    },
  };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: status ${response.status}`);
  return response.text();
}

async function pollText(url: string, check: (text: string) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await fetchText(url);
    if (check(text)) return text;
    await delay(100);
  }
  const families = [...metricFamilies(text)].sort().join('\n  ');
  throw new Error(
    `the sidecar's metrics did not match within ${timeoutMs} ms; it had:\n  ${families}`,
  );
}
