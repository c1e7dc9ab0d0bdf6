import type { Server } from 'node:http';
import type { Health } from '../health/health.ts';
import { withinDeadline } from '../telemetry/telemetry.ts';
import { type InFlightTracker, trackInFlight } from './in-flight.ts';

/** What happened during shutdown. */
export interface ShutdownResult {
  /** Every in-flight request finished within the grace period. */
  readonly drained: boolean;
  /** Hooks, logs and spans were flushed within the deadline. */
  readonly flushed: boolean;
}

export type ShutdownHook = () => Promise<unknown> | unknown;

export interface ShutdownOptions {
  readonly delayMs: number;
  readonly graceMs: number;
  readonly timeoutMs: number;
  readonly health: Health;
  /** Flushes logs and telemetry within the given milliseconds; true when all was sent. */
  readonly flushTelemetry: (timeoutMs: number) => Promise<boolean>;
}

/**
 * Graceful shutdown as one ordered, idempotent operation: readiness turns 503, the servers stop
 * accepting, in-flight requests get the grace period, the application's hooks run, then logs and
 * spans are flushed within the deadline. An unreachable collector cannot hold it past the
 * deadline. Signal handlers are installed only when the application asks (`handleSignals`).
 */
export class Shutdown {
  readonly #options: ShutdownOptions;
  readonly #trackers = new Map<Server, InFlightTracker>();
  readonly #hooks: ShutdownHook[] = [];
  #result: Promise<ShutdownResult> | undefined;
  #signalsHandled = false;

  constructor(options: ShutdownOptions) {
    this.#options = options;
  }

  /** Includes `server` in shutdown: it stops accepting and its requests are drained. */
  track(server: Server): void {
    if (!this.#trackers.has(server)) this.#trackers.set(server, trackInFlight(server));
  }

  /** Runs `hook` after requests drain and before telemetry flushes (close pools, queues...). */
  onShutdown(hook: ShutdownHook): void {
    this.#hooks.push(hook);
  }

  /** Starts shutdown (once); later calls return the same result. */
  run(): Promise<ShutdownResult> {
    this.#result ??= this.#run();
    return this.#result;
  }

  /**
   * On SIGTERM or SIGINT, runs shutdown and exits 0. A second signal while shutting down exits
   * at once with 130, for the operator who really means it.
   */
  handleSignals(exit: (code: number) => void = (code) => process.exit(code)): void {
    if (this.#signalsHandled) return;
    this.#signalsHandled = true;
    const onSignal = () => {
      if (this.#result) return exit(130);
      void this.run().then(() => exit(0));
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  async #run(): Promise<ShutdownResult> {
    const { delayMs, graceMs, timeoutMs, health, flushTelemetry } = this.#options;
    health.markShuttingDown();
    await sleep(delayMs);

    const drains = [...this.#trackers.values()].map((tracker) => tracker.close(graceMs));
    const drained = (await Promise.all(drains)).every(Boolean);

    const deadline = Date.now() + timeoutMs;
    const hooksDone = await withinDeadline(Promise.all(this.#hooks.map(runHook)), timeoutMs);
    const remaining = Math.max(1, deadline - Date.now());
    // The deadline holds even if a flush ignores its own timeout.
    const flushed = await withinDeadline(flushTelemetry(remaining).then(assertTrue), remaining);
    return { drained, flushed: hooksDone && flushed };
  }
}

function assertTrue(ok: boolean): void {
  if (!ok) throw new Error('telemetry was not fully flushed');
}

async function runHook(hook: ShutdownHook): Promise<void> {
  await hook();
}

function sleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
