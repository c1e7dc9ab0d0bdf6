/**
 * Proof that the alerts fire as intended. The real example services run under steady traffic
 * behind their real sidecars; a real Prometheus evaluates the FAST-profile rules (production
 * durations divided by 60) and sends to a real Alertmanager running the repository's
 * configuration, whose receivers point at a webhook. Steady traffic must page nobody; each fault,
 * injected through the example service's switches, must page exactly the intended alerts while
 * Alertmanager mutes the symptoms the design says it should, and the page must resolve once the
 * fault is gone. Alertmanager's route timers are compressed by the same factor (a ticket's
 * 10-minute wait becomes 10 s), so the race between a threshold ticket and its page plays out as
 * in production.
 *
 * The fast profile keeps every rule's shape but not its real windows: that a 1h/5m burn really
 * pages after so many minutes of so many errors, that a 30-day budget is spent as it should, that
 * scrape gaps and restarts are ridden out, is shown on the production profile by the promtool
 * unit tests in alerts/tests (`pnpm exec vitest run --project alerts`). The slow-burn tickets
 * (1d/2h, 3d/6h) need more history than a fast phase has and are covered there only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFaults } from '../support/example-stack.ts';
import { firingInPrometheus, notified, waitForHeartbeats } from './support/alert-observations.ts';
import { type Monitoring, startMonitoring } from './support/monitoring.ts';
import { type ProofStack, STEADY_RPS, startProofStack } from './support/proof-stack.ts';
import { runScenario, type ScenarioOutcome } from './support/scenario.ts';

// A minute of steady traffic is an hour of production time: longer than every `for` of the
// rules except the slow-burn ticket's, whose firing cases the promtool tests cover.
const STEADY_MS = 60_000;

let stack: ProofStack;
// The steady phase's Prometheus, kept for the latency scenario: a latency regression is measured
// against the last day's p99, which only a Prometheus with some history has.
let steady: Monitoring | undefined;
const outcomes: ScenarioOutcome[] = [];

beforeAll(async () => {
  stack = await startProofStack();
});

afterAll(async () => {
  await steady?.stop();
  await stack?.stop();
  printOutcomes(outcomes);
});

describe('alerts, FAST profile, through a real Alertmanager', () => {
  it('page nobody under steady traffic: only the Watchdog heartbeat arrives', async () => {
    steady = await startMonitoring(stack, { alerting: true });
    const webhook = steady.webhook;
    if (webhook === undefined) throw new Error('alerting is on');

    await waitForHeartbeats(webhook, STEADY_MS);

    expect(notified(webhook, 'firing')).toEqual([]);
    expect(await firingInPrometheus(steady.prometheus)).toEqual([]);
    // Quiet because the services answered, not because nothing reached them.
    const statuses = [...stack.traffic.statuses.keys()];
    expect(statuses).toContain('201');
    expect(statuses.filter((status) => status === 'error' || status.startsWith('5'))).toEqual([]);
  });

  it('page on added latency with the latency burn rate; p99 and regression alerts muted', async () => {
    if (steady === undefined) throw new Error('needs the steady phase first');
    const outcome = await runScenario(steady, {
      title: 'orders +1.5 s latency',
      inject: () => setFaults(stack.services.orders, { latencyMs: 1500 }),
      recover: () => setFaults(stack.services.orders, { latencyMs: 0 }),
      notify: ['LatencyBudgetBurn critical orders'],
      suppress: ['LatencyP99High', 'LatencyRegression'],
      resolves: 'LatencyBudgetBurn',
    });
    outcomes.push(outcome);
    await steady.stop();
    steady = undefined;
  });

  it('page on an error burst with the availability burn rate; error ratio muted', async () => {
    await using monitoring = await startMonitoring(stack, { alerting: true });
    outcomes.push(
      await runScenario(monitoring, {
        title: 'orders answers every request with 500',
        inject: () => setFaults(stack.services.orders, { errorRatio: 1 }),
        recover: () => setFaults(stack.services.orders, { errorRatio: 0 }),
        notify: ['AvailabilityBudgetBurn critical orders'],
        suppress: ['HighErrorRatio'],
        resolves: 'AvailabilityBudgetBurn',
      }),
    );
  });

  it('warn about a blocked event loop with EventLoopDelayHigh and nothing else', async () => {
    // Two requests a second, each blocking the loop for 300 ms: the loop is blocked 60% of the
    // time, yet no request waits behind another, so latency stays under the 0.5 s SLO threshold.
    const history = `${stack.services.orders.url}/api/v1/customers/c-1/orders`;
    stack.traffic.run(2, () => ({ name: 'history', url: history }));
    try {
      await using monitoring = await startMonitoring(stack, { alerting: true });
      outcomes.push(
        await runScenario(monitoring, {
          title: 'orders blocks its event loop 300 ms per request',
          inject: () => setFaults(stack.services.orders, { eventLoopStallMs: 300 }),
          recover: () => setFaults(stack.services.orders, { eventLoopStallMs: 0 }),
          notify: ['EventLoopDelayHigh warning orders'],
          suppress: [],
          resolves: 'EventLoopDelayHigh',
        }),
      );
    } finally {
      stack.traffic.run(STEADY_RPS);
    }
  });

  it('warn RemoteWriteRejected while Prometheus rejects remote writes, and nothing else', async () => {
    await using monitoring = await startMonitoring(stack, { alerting: true });
    outcomes.push(
      await runScenario(monitoring, {
        title: 'Prometheus answers every second remote write with 400',
        inject: async () => stack.relay.setRejecting(true),
        recover: async () => stack.relay.setRejecting(false),
        notify: ['RemoteWriteRejected warning prometheus'],
        suppress: [],
        resolves: 'RemoteWriteRejected',
      }),
    );
  });

  it('page ServiceDown when a service is killed; its target and symptom alerts muted', async () => {
    await using monitoring = await startMonitoring(stack, { alerting: true });
    outcomes.push(
      await runScenario(monitoring, {
        title: 'orders process stopped',
        inject: async () => {
          await stack.services.orders.process.stop();
        },
        recover: async () => {
          await stack.services.restart('orders');
        },
        notify: ['ServiceDown critical orders'],
        suppress: ['TargetDown'],
        resolves: 'ServiceDown',
      }),
    );
  });
});

function printOutcomes(list: readonly ScenarioOutcome[]): void {
  const lines = list.map(
    (o) =>
      `  ${o.title}: notified [${o.notified.join(', ')}] after ${o.secondsToPage.toFixed(1)} s, ` +
      `muted [${o.suppressed.join(', ')}], resolved ${o.secondsToResolve.toFixed(1)} s after recovery`,
  );
  console.info(`Alert scenarios (FAST profile):\n${lines.join('\n')}`);
}
