/**
 * An append-only, in-memory collection of received records that tests can await.
 *
 * Receivers push records as they decode them; tests call `waitFor` and are woken by the push
 * itself, so no test ever sleeps and re-checks. A wait that cannot be satisfied fails with a
 * message that says what did arrive, which is usually enough to see why.
 */

/** Options of {@link ReadonlyRecordStore.waitFor}. */
export interface WaitForOptions {
  /** How many matching records to wait for. Default 1. */
  count?: number;
  /** Give up after this many milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Abandons the wait (rejecting with the signal's reason), e.g. when a race is decided. */
  signal?: AbortSignal;
}

/** The read side of a {@link RecordStore}: what receivers expose to tests. */
export interface ReadonlyRecordStore<T> {
  /** Every record received so far (or since the last `clear`), oldest first. */
  readonly all: readonly T[];
  /** Number of records held. */
  readonly size: number;
  /** Records that satisfy `match`, oldest first. */
  filter(match: (record: T) => boolean): T[];
  /**
   * Resolves with the first `count` records that satisfy `match` (all records when omitted),
   * as soon as they have arrived; records already held count. Rejects after `timeoutMs` with
   * an error naming how many records arrived and how many matched.
   */
  waitFor(match?: (record: T) => boolean, options?: WaitForOptions): Promise<T[]>;
  /** Forgets every record held; pending waits keep what they matched and wait for the rest. */
  clear(): void;
}

interface Waiter<T> {
  readonly match: (record: T) => boolean;
  readonly count: number;
  readonly resolve: (records: T[]) => void;
  // Progress is kept per waiter so each push scans only the new records: a loss test waiting
  // for 100 000 spans stays linear instead of rescanning everything on every request.
  readonly matched: T[];
  scanned: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const matchAll = (): boolean => true;

/** A {@link ReadonlyRecordStore} plus the `push` that its owner uses to feed it. */
export class RecordStore<T> implements ReadonlyRecordStore<T> {
  /** What the records are, in plural ("spans"), for timeout messages. */
  readonly label: string;
  readonly #diagnose: () => string;
  readonly #records: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();

  /**
   * @param label plural noun used in messages, e.g. `spans`.
   * @param diagnose extra context appended to timeout messages (e.g. decode errors seen).
   */
  constructor(label: string, diagnose: () => string = () => '') {
    this.label = label;
    this.#diagnose = diagnose;
  }

  get all(): readonly T[] {
    return this.#records;
  }

  get size(): number {
    return this.#records.length;
  }

  filter(match: (record: T) => boolean): T[] {
    return this.#records.filter(match);
  }

  /** Appends records and wakes every wait they complete. */
  push(...records: T[]): void {
    this.pushAll(records);
  }

  /** Like `push`, for a batch of any size (spreading 100 000 arguments overflows the stack). */
  pushAll(records: readonly T[]): void {
    for (const record of records) this.#records.push(record);
    for (const waiter of this.#waiters) this.#settleIfComplete(waiter);
  }

  clear(): void {
    this.#records.length = 0;
    for (const waiter of this.#waiters) waiter.scanned = 0;
  }

  waitFor(match: (record: T) => boolean = matchAll, options: WaitForOptions = {}): Promise<T[]> {
    const count = options.count ?? 1;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

    const signal = options.signal;
    return new Promise<T[]>((resolve, reject) => {
      signal?.throwIfAborted();
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#waiters.delete(waiter);
      };
      const onAbort = () => {
        finish();
        reject(signal?.reason);
      };
      // The timer is deliberately not unref'd: a script awaiting records must stay alive.
      const timer = setTimeout(() => {
        finish();
        reject(new Error(this.#timeoutMessage(match, count, timeoutMs)));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        match,
        count,
        resolve: (records) => {
          finish();
          resolve(records);
        },
        matched: [],
        scanned: 0,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.add(waiter);
      this.#settleIfComplete(waiter);
    });
  }

  #settleIfComplete(waiter: Waiter<T>): void {
    if (waiter.count <= 0) {
      waiter.resolve([]);
      return;
    }
    while (waiter.scanned < this.#records.length) {
      const record = this.#records[waiter.scanned++] as T;
      if (!waiter.match(record)) continue;
      waiter.matched.push(record);
      if (waiter.matched.length === waiter.count) {
        waiter.resolve(waiter.matched);
        return;
      }
    }
  }

  #timeoutMessage(match: (record: T) => boolean, count: number, timeoutMs: number): string {
    const matched = this.#records.filter(match).length;
    const extra = this.#diagnose();
    return (
      `Timed out after ${timeoutMs} ms waiting for ${count} matching ${this.label}: ` +
      `${this.#records.length} received, ${matched} matched.${extra ? ` ${extra}` : ''}`
    );
  }
}
