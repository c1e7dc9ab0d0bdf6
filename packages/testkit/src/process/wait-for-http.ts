/** Waits until an HTTP endpoint answers with the expected status. */
import { setTimeout as delay } from 'node:timers/promises';

/** Options of {@link waitForHttp}. */
export interface WaitForHttpOptions {
  /** Give up after this many milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** The status (or a test of it) that means ready. Default: any 2xx. */
  expectStatus?: number | ((status: number) => boolean);
  /** Pause between attempts, milliseconds. Default 50. */
  intervalMs?: number;
  /** Abandons the wait, e.g. when the process that should answer has exited. */
  signal?: AbortSignal;
}

/**
 * Resolves with the status once `url` answers a GET as expected; rejects after `timeoutMs`
 * with the last status or connection error seen.
 *
 * This polls because nothing can notify us when another process starts listening; the
 * interval is short so readiness is seen within a few milliseconds.
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const isReady = statusTest(options.expectStatus);
  const deadline = Date.now() + timeoutMs;
  let last = 'no attempt';

  while (Date.now() < deadline) {
    options.signal?.throwIfAborted();
    const remaining = Math.max(1, deadline - Date.now());
    try {
      const attempt = AbortSignal.timeout(Math.min(2000, remaining));
      const signal = options.signal ? AbortSignal.any([attempt, options.signal]) : attempt;
      const response = await fetch(url, { signal });
      await response.body?.cancel();
      if (isReady(response.status)) return response.status;
      last = `status ${response.status}`;
    } catch (error) {
      options.signal?.throwIfAborted();
      last = describeFailure(error);
    }
    await delay(Math.min(options.intervalMs ?? 50, remaining), undefined, {
      signal: options.signal,
    });
  }
  throw new Error(`${url} was not ready after ${timeoutMs} ms (last: ${last})`);
}

function statusTest(expect: WaitForHttpOptions['expectStatus']): (status: number) => boolean {
  if (typeof expect === 'function') return expect;
  if (typeof expect === 'number') return (status) => status === expect;
  return (status) => status >= 200 && status < 300;
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}
