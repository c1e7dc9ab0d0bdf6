/**
 * Runs the Debian `prometheus` binary for a test: free port, private config and data
 * directory, stopped (and cleaned up) by the test. It can also go down and come back with its
 * data, for outage tests.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ProcessHandle, spawnProcess } from '../process/spawn-process.ts';
import { PROMETHEUS, resolveBinary } from './binaries.ts';
import { PrometheusClient } from './prometheus-client.ts';
import {
  type PromDuration,
  type PrometheusConfigOptions,
  prometheusConfig,
} from './prometheus-config.ts';
import { startOnFreePort } from './start-on-free-port.ts';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

/** Options of {@link startPrometheus}. */
export interface PrometheusOptions extends PrometheusConfigOptions {
  /** Accept remote write at `/api/v1/write` (the sidecar's metrics path). */
  enableRemoteWriteReceiver?: boolean;
  /** Store exemplars (`--enable-feature=exemplar-storage`). */
  exemplarStorage?: boolean;
  /**
   * How often firing alerts are re-sent to Alertmanager. Default `1s` (Prometheus's is `1m`):
   * Alertmanagers are discovered up to 5 s after start, so the first send of an alert that
   * fires at once is usually lost and only this resend delivers it.
   */
  alertResendDelay?: PromDuration;
  /** More command-line flags. */
  extraArgs?: string[];
  /** Path of the binary; default `prometheus` from PATH. */
  binary?: string;
  /** Default: a free port. */
  port?: number;
}

/** A running Prometheus; the query methods come from {@link PrometheusClient}. */
export class PrometheusServer extends PrometheusClient implements AsyncDisposable {
  readonly port: number;
  /** Private directory holding `prometheus.yml` and `data/`; removed by `stop()`. */
  readonly directory: string;
  readonly #options: PrometheusOptions;
  #process: ProcessHandle | undefined;

  constructor(port: number, directory: string, options: PrometheusOptions, process: ProcessHandle) {
    super(`http://127.0.0.1:${port}`);
    this.port = port;
    this.directory = directory;
    this.#options = options;
    this.#process = process;
  }

  /** The running process (its output is Prometheus's log), or undefined while stopped. */
  get process(): ProcessHandle | undefined {
    return this.#process;
  }

  /**
   * Rewrites the config file (merging `changes` into the original options, when given) and asks
   * Prometheus to reload it. Command-line options cannot change this way.
   */
  async reload(changes: PrometheusConfigOptions = {}): Promise<void> {
    Object.assign(this.#options, changes);
    await writeConfig(this.directory, this.#options);
    const response = await fetch(`${this.url}/-/reload`, { method: 'POST' });
    if (!response.ok) throw new Error(`Prometheus reload failed: ${await response.text()}`);
  }

  /** Stops the process but keeps its data, for outage tests; `start()` brings it back. */
  async stopTemporarily(): Promise<void> {
    await this.#process?.stop();
    this.#process = undefined;
  }

  /** Starts again on the same port with the same data after `stopTemporarily()`. */
  async start(): Promise<void> {
    this.#process ??= await launch(this.port, this.directory, this.#options);
  }

  /** Stops the process and removes its directory. Idempotent. */
  async stop(): Promise<void> {
    await this.stopTemporarily();
    await removeTempDir(this.directory);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

/**
 * Starts Prometheus on 127.0.0.1 and resolves once `/-/ready` answers. The lifecycle API is on
 * (for `reload()`); scrape and evaluation intervals default to 1s. Expect the first scrape of a
 * target up to ~6 s after start or reload: Prometheus hands discovered targets to its scrapers
 * on a fixed 5 s tick.
 */
export async function startPrometheus(options: PrometheusOptions = {}): Promise<PrometheusServer> {
  const settings = { ...options };
  const directory = await makeTempDir('prometheus');
  try {
    await writeConfig(directory, settings);
    const started = await startOnFreePort(
      (port) => launch(port, directory, settings),
      options.port,
    );
    return new PrometheusServer(started.port, directory, settings, started.process);
  } catch (error) {
    await removeTempDir(directory);
    throw error;
  }
}

async function writeConfig(directory: string, options: PrometheusConfigOptions): Promise<void> {
  const config = JSON.stringify(prometheusConfig(options), null, 2);
  await writeFile(join(directory, 'prometheus.yml'), config);
}

function launch(port: number, directory: string, options: PrometheusOptions) {
  const args = [
    `--config.file=${join(directory, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(directory, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--web.enable-lifecycle',
    `--rules.alert.resend-delay=${options.alertResendDelay ?? '1s'}`,
    ...(options.enableRemoteWriteReceiver ? ['--web.enable-remote-write-receiver'] : []),
    ...(options.exemplarStorage ? ['--enable-feature=exemplar-storage'] : []),
    ...(options.extraArgs ?? []),
  ];
  return spawnProcess({
    command: resolveBinary(PROMETHEUS, options.binary),
    args,
    name: `prometheus:${port}`,
    readyWhen: { url: `http://127.0.0.1:${port}/-/ready` },
    // Prometheus flushes its head block on SIGTERM; give it time before SIGKILL.
    stopGraceMs: 15_000,
  });
}
