/**
 * A fixed-rate (open-model) HTTP load generator.
 *
 * Requests start on a schedule (request i at i/rps seconds) whatever the responses do, and each
 * latency is measured from the scheduled start. A closed-model tool (autocannon, wrk) waits for
 * a response before sending the next request on a connection, so when the service stalls it
 * sends less and records only the requests it did send: the stall barely shows in p99
 * ("coordinated omission"). Outage and overhead tests need the stall to show, hence this.
 */
import { Agent, request } from 'undici';
import { type LoadResult, type LoadSample, summarise } from './load-result.ts';

/** One request to send. */
export interface LoadRequest {
  url: string;
  /** Default GET. */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Options of {@link runLoad}; give `urls` or `requestFactory`. */
export interface RunLoadOptions {
  /** GET these in turn. */
  urls?: readonly string[];
  /** Builds request number `index` (0-based). */
  requestFactory?: (index: number) => LoadRequest;
  /** Requests started per second. */
  rps: number;
  /** How long to keep starting requests; the run then waits for those in flight. */
  durationMs: number;
  /** Most requests in flight at once (and connections per origin). Default 64. */
  concurrency?: number;
  /** Per-request timeout, counted as status `timeout`. Default 10 000. */
  timeoutMs?: number;
}

/** Sends requests at a fixed rate for `durationMs` and reports latencies and outcomes. */
export async function runLoad(options: RunLoadOptions): Promise<LoadResult> {
  const next = requestSource(options);
  const concurrency = options.concurrency ?? 64;
  const total = Math.floor((options.rps * options.durationMs) / 1000);
  const dispatcher = new Agent({ connections: concurrency });
  try {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const run = new LoadRun({
      build: next,
      total,
      rps: options.rps,
      concurrency,
      timeoutMs,
      dispatcher,
    });
    return summarise(await run.done, run.wallMs(), run.maxStartDelayMs);
  } finally {
    await dispatcher.close();
  }
}

function requestSource(options: RunLoadOptions): (index: number) => LoadRequest {
  if (options.requestFactory) return options.requestFactory;
  const urls = options.urls ?? [];
  if (urls.length === 0) throw new Error('runLoad needs urls or a requestFactory');
  return (index) => ({ url: urls[index % urls.length] as string });
}

interface LoadPlan {
  build: (index: number) => LoadRequest;
  total: number;
  rps: number;
  concurrency: number;
  timeoutMs: number;
  dispatcher: Agent;
}

/** The scheduler: starts due requests as concurrency allows, until all have completed. */
class LoadRun {
  readonly done: Promise<LoadSample[]>;
  maxStartDelayMs = 0;
  readonly #plan: LoadPlan;
  readonly #intervalMs: number;
  readonly #started = performance.now();
  readonly #samples: LoadSample[] = [];
  #launched = 0;
  #inFlight = 0;
  #timer: NodeJS.Timeout | undefined;
  #finish: (samples: LoadSample[]) => void = () => {};

  constructor(plan: LoadPlan) {
    this.#plan = plan;
    this.#intervalMs = 1000 / plan.rps;
    this.done = new Promise((resolve) => {
      this.#finish = resolve;
    });
    this.#tick();
  }

  wallMs(): number {
    return performance.now() - this.#started;
  }

  /** Starts what is due, then sleeps until the next start unless concurrency is exhausted. */
  #tick(): void {
    this.#timer = undefined;
    const due = Math.min(this.#plan.total, Math.floor(this.wallMs() / this.#intervalMs) + 1);
    while (this.#launched < due && this.#inFlight < this.#plan.concurrency) {
      void this.#send(this.#launched++);
    }
    if (this.#launched >= this.#plan.total) {
      this.#finishIfIdle();
      return;
    }
    // At the concurrency limit, the next completion calls #tick; a timer would only spin.
    if (this.#inFlight >= this.#plan.concurrency) return;
    const nextAt = this.#started + this.#launched * this.#intervalMs;
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, nextAt - performance.now()));
  }

  async #send(index: number): Promise<void> {
    const offsetMs = index * this.#intervalMs;
    this.maxStartDelayMs = Math.max(this.maxStartDelayMs, this.wallMs() - offsetMs);
    this.#inFlight++;
    const status = await this.#exchange(this.#plan.build(index));
    this.#samples.push({ offsetMs, latencyMs: this.wallMs() - offsetMs, status });
    this.#inFlight--;
    if (this.#timer === undefined) this.#tick();
  }

  async #exchange(spec: LoadRequest): Promise<string> {
    try {
      const response = await request(spec.url, {
        method: spec.method ?? 'GET',
        headers: spec.headers,
        body: spec.body,
        dispatcher: this.#plan.dispatcher,
        signal: AbortSignal.timeout(this.#plan.timeoutMs),
      });
      await response.body.dump();
      return String(response.statusCode);
    } catch (error) {
      return errorStatus(error);
    }
  }

  #finishIfIdle(): void {
    if (this.#launched >= this.#plan.total && this.#inFlight === 0) {
      this.#finish(this.#samples.sort((a, b) => a.offsetMs - b.offsetMs));
    }
  }
}

function errorStatus(error: unknown): string {
  const failure = error as { name?: string; code?: string; cause?: { code?: string } };
  if (failure.name === 'TimeoutError') return 'timeout';
  return failure.code ?? failure.cause?.code ?? failure.name ?? 'error';
}
