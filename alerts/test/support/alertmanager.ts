/**
 * A real Alertmanager (the Debian package's binary) for one test: its own ephemeral port, its own
 * temporary storage, stopped by `await using`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = 'prometheus-alertmanager';
const READY_TIMEOUT_MS = 30_000;

/** A running Alertmanager. */
export interface RunningAlertmanager extends AsyncDisposable {
  readonly url: string;
  /** Everything it logged so far, for failure messages. */
  readonly log: () => string;
}

// Asks the OS for a free port; Alertmanager cannot report the port it bound when given :0.
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
  return address.port;
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited:\n${log()}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`alertmanager not ready after ${READY_TIMEOUT_MS} ms:\n${log()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Starts Alertmanager with `config` (YAML text) and waits until it answers /-/ready. */
export async function startAlertmanager(config: string): Promise<RunningAlertmanager> {
  const dir = await mkdtemp(join(tmpdir(), 'lookout-alertmanager-'));
  const configFile = join(dir, 'alertmanager.yml');
  await writeFile(configFile, config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const child = spawn(BINARY, [
    `--config.file=${configFile}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    // An empty address turns clustering off, so no gossip port is needed.
    '--cluster.listen-address=',
  ]);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const log = () => output;

  const dispose = async () => {
    await stop(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, log);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url, log, [Symbol.asyncDispose]: dispose };
}
