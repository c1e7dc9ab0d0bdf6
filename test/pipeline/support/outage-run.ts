/**
 * Steady traffic with a backend outage in the middle: the load runs at a fixed rate from start
 * to end, and Tempo, Loki and Prometheus go away once the warm-up and the baseline have been
 * sent, for exactly the outage's length.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { startBackends, stopBackends } from './backends.ts';
import type { PipelineStack } from './pipeline-stack.ts';
import { runTraffic, type TrafficResult } from './traffic.ts';

/** The shape of the run, milliseconds. */
export interface OutagePlan {
  readonly rps: number;
  /** Sent first and left out of every latency window: JIT and connection warm-up. */
  readonly warmupMs: number;
  /** The window latency is compared against. */
  readonly baselineMs: number;
  readonly outageMs: number;
  /** Load kept going after the backends returned. */
  readonly tailMs: number;
}

/** When the backends were down, relative to the load's start and as wall-clock time. */
export interface OutageWindow {
  /** Milliseconds after the load started: from the stop call to the backends being back. */
  readonly startMs: number;
  readonly endMs: number;
  /** Seconds since the epoch, for Prometheus queries. */
  readonly startEpoch: number;
  readonly endEpoch: number;
}

/** The traffic sent and the outage's window. */
export interface OutageRun {
  readonly traffic: TrafficResult;
  readonly window: OutageWindow;
}

/** Runs the traffic and the outage of `plan` against `stack`. */
export async function runTrafficThroughOutage(
  stack: PipelineStack,
  plan: OutagePlan,
): Promise<OutageRun> {
  const outageIndex = Math.floor((plan.rps * (plan.warmupMs + plan.baselineMs)) / 1000);
  let loadStartedAt = 0;
  let outageDue: () => void = () => {};
  const due = new Promise<void>((resolve) => {
    outageDue = resolve;
  });
  const traffic = runTraffic({
    ordersUrl: stack.services.orders.url,
    rps: plan.rps,
    durationMs: plan.warmupMs + plan.baselineMs + plan.outageMs + plan.tailMs,
    // The load generator builds request i at its scheduled start: the schedule is the clock.
    onSchedule: (index) => {
      if (index === 0) loadStartedAt = performance.now();
      if (index === outageIndex) outageDue();
    },
  });
  await Promise.race([due, traffic]);

  const startMs = performance.now() - loadStartedAt;
  const startEpoch = Date.now() / 1000;
  await stopBackends(stack);
  // The outage itself: the one fixed wait of the test.
  await delay(plan.outageMs);
  await startBackends(stack);
  const window = {
    startMs,
    endMs: performance.now() - loadStartedAt,
    startEpoch,
    endEpoch: Date.now() / 1000,
  };
  return { traffic: await traffic, window };
}
