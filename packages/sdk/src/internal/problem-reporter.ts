/**
 * Reports the SDK's own runtime problems without flooding: the first occurrence of each kind is
 * written in full, repeats are only counted, and a periodic summary states how many repeats
 * there were. Nothing here ever throws into the caller.
 */

export interface ProblemSink {
  /** Receives one structured line; the default writes JSON to stderr. */
  write(record: Record<string, unknown>): void;
}

export interface ProblemReporterOptions {
  readonly sink?: ProblemSink;
  /** How often repeated problems are summarised, milliseconds. */
  readonly summaryIntervalMs?: number;
  /** Called for every occurrence, e.g. to increment a metric. */
  readonly onProblem?: (kind: string) => void;
}

const stderrSink: ProblemSink = {
  write(record) {
    process.stderr.write(`${JSON.stringify(record)}\n`);
  },
};

export class ProblemReporter {
  readonly #sink: ProblemSink;
  readonly #onProblem: (kind: string) => void;
  readonly #seen = new Set<string>();
  readonly #repeats = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(options: ProblemReporterOptions = {}) {
    this.#sink = options.sink ?? stderrSink;
    this.#onProblem = options.onProblem ?? (() => {});
    this.#timer = setInterval(() => this.flushSummary(), options.summaryIntervalMs ?? 60_000);
    // A reporter must never keep the process alive on its own.
    this.#timer.unref();
  }

  /** Records one occurrence of `kind`; the first one is written with its detail. */
  report(kind: string, message: string, error?: unknown): void {
    try {
      this.#onProblem(kind);
      if (!this.#seen.has(kind)) {
        this.#seen.add(kind);
        this.#sink.write(record('warn', kind, message, error));
        return;
      }
      this.#repeats.set(kind, (this.#repeats.get(kind) ?? 0) + 1);
    } catch {
      // Reporting a problem must not become a second problem.
    }
  }

  /** Writes one summary line per kind that repeated since the last summary. */
  flushSummary(): void {
    for (const [kind, count] of this.#repeats) {
      this.#sink.write({ ...record('warn', kind, `repeated ${count} more times`), repeats: count });
    }
    this.#repeats.clear();
  }

  /** Writes the last summary and stops the timer. */
  close(): void {
    clearInterval(this.#timer);
    this.flushSummary();
  }
}

function record(level: string, kind: string, message: string, error?: unknown) {
  const detail =
    error instanceof Error ? error.message : error === undefined ? undefined : String(error);
  return {
    level,
    time: Date.now(),
    component: 'lookout',
    problem: kind,
    msg: message,
    error: detail,
  };
}
