/** Runs Debian's `promtool` (rule checks, rule unit tests, metric lint) and collects its output. */
import { spawn } from 'node:child_process';
import { PROMTOOL, resolveBinary } from './binaries.ts';

/** What a promtool run printed, and its exit code. */
export interface PromtoolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runPromtool}. */
export interface PromtoolOptions {
  cwd?: string;
  /** Written to promtool's stdin (e.g. a scrape for `check metrics`). */
  stdin?: string;
  /** Default 60 000; the run is killed after it. */
  timeoutMs?: number;
  /** Path of the binary; default `promtool` from PATH. */
  binary?: string;
}

/**
 * Runs `promtool <args>` and resolves with its exit code and output; a non-zero exit is a
 * result, not an error (tests assert on it). Rejects only when promtool cannot run.
 */
export function runPromtool(
  args: string[],
  options: PromtoolOptions = {},
): Promise<PromtoolResult> {
  const child = spawn(resolveBinary(PROMTOOL, options.binary), args, {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 60_000,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(options.stdin ?? '');

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
