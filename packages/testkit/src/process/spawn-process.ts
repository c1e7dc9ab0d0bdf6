/**
 * Starts a program for a test, captures its output line by line, waits until it is ready, and
 * stops it (and everything it started) reliably.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type ReadonlyRecordStore, RecordStore } from '../record-store.ts';
import { signalGroup, trackGroup, untrackGroup } from './process-groups.ts';
import { lineMatcher, outputTail, type ReadyWhen, waitUntilReady } from './readiness.ts';

/** Options of {@link spawnProcess}. */
export interface SpawnProcessOptions {
  command: string;
  args?: readonly string[];
  /** Added to the test's own environment; a key set to `undefined` is removed from it. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** When the process counts as started; without it, as soon as it is spawned. */
  readyWhen?: ReadyWhen;
  /** Default 30 000. */
  readyTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL. Default 5 000. */
  stopGraceMs?: number;
  /** Used in messages and echoed output. Default: the command's base name. */
  name?: string;
  /** Copy output to the test's stderr. Default: on when LOOKOUT_TESTKIT_ECHO=1. */
  echo?: boolean;
  /**
   * A file descriptor that receives stdout instead of this process: for benchmarks, where
   * reading thousands of log lines a second would load the measuring process, not the measured
   * one. `stdout`, `jsonLines` and stdout readiness then see nothing.
   */
  stdoutFd?: number;
}

/** How a process ended: an exit code, or the signal that killed it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One line of output. */
export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A started process; see {@link spawnProcess}. */
export interface ProcessHandle extends AsyncDisposable {
  readonly name: string;
  readonly pid: number;
  /** Both streams, line by line, in arrival order; awaitable. */
  readonly output: ReadonlyRecordStore<OutputLine>;
  /** Lines written to stdout so far. */
  readonly stdout: string[];
  /** Lines written to stderr so far. */
  readonly stderr: string[];
  /** Lines of `stream` (default stdout) that parse as JSON objects, e.g. pino's log lines. */
  jsonLines<T = Record<string, unknown>>(stream?: 'stdout' | 'stderr'): T[];
  /** Resolves with the first line matching `pattern` that arrives (or has arrived). */
  waitForLine(
    pattern: RegExp,
    options?: { stream?: 'stdout' | 'stderr'; timeoutMs?: number },
  ): Promise<OutputLine>;
  /** Settles once the process has exited and its output is fully read. */
  readonly exited: Promise<ProcessExit>;
  /** True until the process exits. */
  readonly running: boolean;
  /** Sends `signal` (default SIGTERM) to the process group. */
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM to the group, SIGKILL after the grace period; idempotent. */
  stop(): Promise<ProcessExit>;
}

class SpawnedProcess implements ProcessHandle {
  readonly name: string;
  readonly pid: number;
  readonly output: RecordStore<OutputLine>;
  readonly exited: Promise<ProcessExit>;
  readonly #graceMs: number;
  #running = true;
  #stopping: Promise<ProcessExit> | undefined;

  constructor(child: ChildProcess, name: string, options: SpawnProcessOptions) {
    this.name = name;
    this.pid = child.pid as number;
    this.#graceMs = options.stopGraceMs ?? 5000;
    this.output = new RecordStore<OutputLine>(`output lines of ${name}`);
    const echo = options.echo ?? process.env.LOOKOUT_TESTKIT_ECHO === '1';
    this.#capture(child.stdout, 'stdout', echo);
    this.#capture(child.stderr, 'stderr', echo);
    this.exited = exitOf(child).then((exit) => {
      this.#running = false;
      untrackGroup(this.pid);
      return exit;
    });
    trackGroup(this.pid);
  }

  get stdout(): string[] {
    return this.#lines('stdout');
  }

  get stderr(): string[] {
    return this.#lines('stderr');
  }

  get running(): boolean {
    return this.#running;
  }

  jsonLines<T = Record<string, unknown>>(stream: 'stdout' | 'stderr' = 'stdout'): T[] {
    const parsed: T[] = [];
    for (const line of this.#lines(stream)) {
      if (!line.startsWith('{')) continue;
      try {
        parsed.push(JSON.parse(line) as T);
      } catch {
        // Not every brace-led line is JSON (stack traces, banners); skip those.
      }
    }
    return parsed;
  }

  async waitForLine(
    pattern: RegExp,
    options: { stream?: 'stdout' | 'stderr'; timeoutMs?: number } = {},
  ) {
    const matches = lineMatcher(pattern, options.stream);
    try {
      const [line] = await this.output.waitFor(matches, { timeoutMs: options.timeoutMs });
      return line as OutputLine;
    } catch (error) {
      throw new Error(`${(error as Error).message}\nLast output:\n${outputTail(this, 20)}`);
    }
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.#running) signalGroup(this.pid, signal);
  }

  stop(): Promise<ProcessExit> {
    this.#stopping ??= this.#terminate();
    return this.#stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  async #terminate(): Promise<ProcessExit> {
    this.kill('SIGTERM');
    const graceful = await Promise.race([this.exited, delayUnref(this.#graceMs)]);
    if (!graceful) this.kill('SIGKILL');
    const exit = await this.exited;
    // Children that ignored SIGTERM or outlived the leader still belong to its group.
    signalGroup(this.pid, 'SIGKILL');
    return exit;
  }

  #capture(stream: Readable | null, name: 'stdout' | 'stderr', echo: boolean): void {
    if (!stream) return;
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on('line', (text) => {
      this.output.push({ stream: name, text });
      if (echo) process.stderr.write(`[${this.name}] ${text}\n`);
    });
  }

  #lines(stream: 'stdout' | 'stderr'): string[] {
    return this.output.all.filter((line) => line.stream === stream).map((line) => line.text);
  }
}

/**
 * Resolves once `child` has exited and its output pipes are drained ('close'). A grandchild
 * that left the process group can hold the pipes open forever, so after the exit the pipes get
 * a short time to drain and are then closed from this side.
 */
function exitOf(child: ChildProcess): Promise<ProcessExit> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      const drainLimit = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, 2000);
      child.once('close', () => {
        clearTimeout(drainLimit);
        resolve({ code, signal });
      });
    });
  });
}

function delayUnref(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}

/**
 * Starts `command` in its own process group with stdout and stderr captured, and, when
 * `readyWhen` is given, resolves only once it is ready. If the process exits or stays unready
 * past `readyTimeoutMs`, it is stopped and the promise rejects with its last output.
 */
export async function spawnProcess(options: SpawnProcessOptions): Promise<ProcessHandle> {
  const name = options.name ?? options.command.split('/').at(-1) ?? options.command;
  const child = spawn(options.command, options.args ?? [], {
    cwd: options.cwd,
    env: mergeEnv(options.env),
    detached: true,
    stdio: ['ignore', options.stdoutFd ?? 'pipe', 'pipe'],
  });
  try {
    await once(child, 'spawn');
  } catch (error) {
    throw new Error(`cannot start ${name} (${options.command}): ${(error as Error).message}`);
  }

  const handle = new SpawnedProcess(child, name, options);
  if (options.readyWhen) await waitUntilReady(handle, options.readyWhen, options.readyTimeoutMs);
  return handle;
}

function mergeEnv(extra: SpawnProcessOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
