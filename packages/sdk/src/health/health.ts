import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { LOOKOUT_LABELS, LOOKOUT_METRICS } from '../metrics/names.ts';

/**
 * A readiness check: resolves when the dependency is usable, rejects (or resolves `false`) when
 * it is not. It receives an AbortSignal that fires at its timeout.
 */
export type HealthCheck = (signal: AbortSignal) => Promise<unknown> | unknown;

export interface HealthCheckOptions {
  /** Milliseconds before the check counts as failed; defaults to the configured timeout. */
  readonly timeoutMs?: number;
}

export interface CheckResult {
  readonly status: 'pass' | 'fail';
  readonly durationMs: number;
  readonly reason?: string;
}

export interface ReadinessReport {
  readonly status: 'ready' | 'not_ready' | 'shutting_down';
  readonly checks: Readonly<Record<string, CheckResult>>;
}

interface RegisteredCheck {
  readonly check: HealthCheck;
  readonly timeoutMs: number;
}

/**
 * Liveness and readiness. Liveness only says the process can answer; readiness runs every
 * registered check in parallel, each bounded by its timeout, and turns 503 for good the moment
 * shutdown begins, so load balancers stop sending traffic before the server closes.
 */
export class Health {
  readonly #defaultTimeoutMs: number;
  readonly #checks = new Map<string, RegisteredCheck>();
  readonly #status;
  readonly #duration;
  #shuttingDown = false;

  constructor(metrics: MetricsRegistry, defaultTimeoutMs: number) {
    this.#defaultTimeoutMs = defaultTimeoutMs;
    this.#status = metrics.gauge({
      name: LOOKOUT_METRICS.healthCheckStatus,
      help: '1 when the readiness check passed on its last run, else 0.',
      labelNames: [LOOKOUT_LABELS.check],
    });
    this.#duration = metrics.histogram({
      name: LOOKOUT_METRICS.healthCheckDuration,
      help: 'Duration of readiness checks, in seconds.',
      labelNames: [LOOKOUT_LABELS.check],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5],
    });
  }

  /** Registers (or replaces) the readiness check called `name`. */
  addCheck(name: string, check: HealthCheck, options: HealthCheckOptions = {}): void {
    this.#checks.set(name, { check, timeoutMs: options.timeoutMs ?? this.#defaultTimeoutMs });
  }

  /** Makes readiness answer 503 from now on. */
  markShuttingDown(): void {
    this.#shuttingDown = true;
  }

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** Runs every check and reports the outcome. */
  async readiness(): Promise<ReadinessReport> {
    if (this.#shuttingDown) return { status: 'shutting_down', checks: {} };
    const entries = await Promise.all(
      [...this.#checks].map(async ([name, entry]) => [name, await this.#run(name, entry)] as const),
    );
    const checks = Object.fromEntries(entries);
    const ready = entries.every(([, result]) => result.status === 'pass') && !this.#shuttingDown;
    return { status: this.#shuttingDown ? 'shutting_down' : ready ? 'ready' : 'not_ready', checks };
  }

  /** Handler for the liveness path. */
  liveHandler() {
    return (_req: IncomingMessage, res: ServerResponse) => sendJson(res, 200, { status: 'ok' });
  }

  /** Handler for the readiness path: 200 when ready, else 503 with a reason per failing check. */
  readyHandler() {
    return async (_req: IncomingMessage, res: ServerResponse) => {
      const report = await this.readiness();
      sendJson(res, report.status === 'ready' ? 200 : 503, report);
    };
  }

  async #run(name: string, entry: RegisteredCheck): Promise<CheckResult> {
    const started = performance.now();
    const controller = new AbortController();
    const result = await runWithTimeout(entry.check, controller, entry.timeoutMs);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    this.#status.set({ check: name }, result.status === 'pass' ? 1 : 0);
    this.#duration.observe({ check: name }, durationMs / 1000);
    return { ...result, durationMs };
  }
}

async function runWithTimeout(check: HealthCheck, controller: AbortController, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Omit<CheckResult, 'durationMs'>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ status: 'fail', reason: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const outcome = (async (): Promise<Omit<CheckResult, 'durationMs'>> => {
    try {
      const value = await check(controller.signal);
      return value === false
        ? { status: 'fail', reason: 'check returned false' }
        : { status: 'pass' };
    } catch (error) {
      return { status: 'fail', reason: error instanceof Error ? error.message : String(error) };
    }
  })();
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
