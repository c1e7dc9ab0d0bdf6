/** Waiting for a state that only polling can observe (collector and Prometheus counters). */
import { setTimeout as delay } from 'node:timers/promises';

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** What is awaited, for the timeout message. */
  readonly what: string;
  readonly timeoutMs: number;
  /** Default 500. */
  readonly intervalMs?: number;
  /**
   * Resolve with the last value read instead of rejecting at the timeout, for a caller that
   * reports how far things got (a loss table) before asserting.
   */
  readonly lastOnTimeout?: boolean;
}

/**
 * Reads `read()` until `done` accepts the value and returns that value. Neither the collector nor
 * Prometheus can notify a test, so this re-reads; it rejects after `timeoutMs` with the last
 * value read, which usually says how far things got.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  // `done` is asked once per reading: a check that compares with the previous reading (settled
  // counters) would see the same reading twice and call it settled.
  let last = await read();
  let finished = done(last);
  while (!finished && Date.now() < deadline) {
    await delay(options.intervalMs ?? 500);
    last = await read();
    finished = done(last);
  }
  if (finished || options.lastOnTimeout === true) return last;
  throw new Error(
    `timed out after ${options.timeoutMs} ms waiting for ${options.what}; ` +
      `last: ${JSON.stringify(last)}`,
  );
}
