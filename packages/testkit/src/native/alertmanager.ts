/**
 * Runs the Debian `prometheus-alertmanager` binary for a test: a free port, clustering off (a
 * lone test instance must not gossip or wait for peers), private config and storage.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ProcessHandle, spawnProcess } from '../process/spawn-process.ts';
import { ALERTMANAGER, resolveBinary } from './binaries.ts';
import { startOnFreePort } from './start-on-free-port.ts';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

/** Options of {@link startAlertmanager}. */
export interface AlertmanagerOptions {
  /** The configuration file's text. Default: one route to a receiver that sends nothing. */
  configYaml?: string;
  /** More command-line flags. */
  extraArgs?: string[];
  /** Path of the binary; default `prometheus-alertmanager` from PATH. */
  binary?: string;
}

/** An alert as Alertmanager's `/api/v2/alerts` reports it. */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  fingerprint: string;
  status: { state: 'unprocessed' | 'active' | 'suppressed' };
  receivers: { name: string }[];
}

/** A running Alertmanager; see {@link startAlertmanager}. */
export interface AlertmanagerServer extends AsyncDisposable {
  /** Base URL, for Prometheus's `alertmanagerUrls`. */
  readonly url: string;
  readonly port: number;
  readonly process: ProcessHandle;
  /** Alerts Alertmanager currently holds. */
  alerts(): Promise<AlertmanagerAlert[]>;
  /** Stops the process and removes its directory. Idempotent. */
  stop(): Promise<void>;
}

const SILENT_CONFIG = `route:
  receiver: discard
receivers:
  - name: discard
`;

/** Starts Alertmanager on 127.0.0.1 and resolves once `/-/ready` answers. */
export async function startAlertmanager(
  options: AlertmanagerOptions = {},
): Promise<AlertmanagerServer> {
  const directory = await makeTempDir('alertmanager');
  const configFile = join(directory, 'alertmanager.yml');
  try {
    await writeFile(configFile, options.configYaml ?? SILENT_CONFIG);
    const { port, process } = await startOnFreePort((candidate) =>
      launch(candidate, directory, configFile, options),
    );
    return handle(port, process, directory);
  } catch (error) {
    await removeTempDir(directory);
    throw error;
  }
}

function launch(port: number, directory: string, configFile: string, options: AlertmanagerOptions) {
  return spawnProcess({
    command: resolveBinary(ALERTMANAGER, options.binary),
    args: [
      `--config.file=${configFile}`,
      `--storage.path=${join(directory, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // An empty address turns clustering off entirely.
      '--cluster.listen-address=',
      ...(options.extraArgs ?? []),
    ],
    name: `alertmanager:${port}`,
    readyWhen: { url: `http://127.0.0.1:${port}/-/ready` },
  });
}

function handle(port: number, process: ProcessHandle, directory: string): AlertmanagerServer {
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await process.stop();
    await removeTempDir(directory);
  };
  return {
    url,
    port,
    process,
    alerts: async () => {
      const response = await fetch(`${url}/api/v2/alerts`);
      if (!response.ok) throw new Error(`Alertmanager alerts: status ${response.status}`);
      return (await response.json()) as AlertmanagerAlert[];
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
