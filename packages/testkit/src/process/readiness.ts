/**
 * Waiting for a started process to be ready: an HTTP endpoint answering or an output line,
 * raced against the process exiting first.
 */
import type { OutputLine, ProcessHandle } from './spawn-process.ts';
import { waitForHttp } from './wait-for-http.ts';

/** When a started process counts as ready. */
export type ReadyWhen =
  | { url: string; expectStatus?: number }
  | { stdoutMatches: RegExp }
  | { stderrMatches: RegExp };

/**
 * A test for output lines matching `pattern` (on `stream` only, when given). A global or
 * sticky pattern is copied without those flags: their `lastIndex` would make `test` alternate.
 */
export function lineMatcher(pattern: RegExp, stream?: 'stdout' | 'stderr') {
  const stateless = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  return (line: OutputLine) =>
    (stream === undefined || line.stream === stream) && stateless.test(line.text);
}

/** The last `count` lines of output, one per line, for error messages. */
export function outputTail(handle: ProcessHandle, count: number): string {
  const lines = handle.output.all.slice(-count).map((line) => `  ${line.stream}: ${line.text}`);
  return lines.length > 0 ? lines.join('\n') : '  (no output)';
}

/**
 * Resolves once `handle` is ready. When it exits first or stays unready past `timeoutMs`, it
 * is stopped and the error carries its last output.
 */
export async function waitUntilReady(handle: ProcessHandle, when: ReadyWhen, timeoutMs = 30_000) {
  const abort = new AbortController();
  const exitedEarly = handle.exited.then((exit) => {
    throw new Error(`exited before it was ready (code ${exit.code}, signal ${exit.signal})`);
  });
  const ready = readiness(handle, when, timeoutMs, abort.signal);
  // Whichever side loses the race rejects later (aborted, or exit at the end of the test).
  ready.catch(() => {});
  exitedEarly.catch(() => {});
  try {
    await Promise.race([ready, exitedEarly]);
  } catch (error) {
    await handle.stop();
    const message = `${handle.name} did not become ready: ${(error as Error).message}`;
    throw new Error(`${message}\n${outputTail(handle, 30)}`, { cause: error });
  } finally {
    abort.abort();
  }
}

function readiness(handle: ProcessHandle, when: ReadyWhen, timeoutMs: number, signal: AbortSignal) {
  if ('url' in when) {
    return waitForHttp(when.url, { timeoutMs, expectStatus: when.expectStatus, signal });
  }
  const matches =
    'stdoutMatches' in when
      ? lineMatcher(when.stdoutMatches, 'stdout')
      : lineMatcher(when.stderrMatches, 'stderr');
  return handle.output.waitFor(matches, { timeoutMs, signal });
}
