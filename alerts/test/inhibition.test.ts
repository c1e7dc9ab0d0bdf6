import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerConfigWith } from '../src/index.ts';
import { type RunningAlertmanager, startAlertmanager } from './support/alertmanager.ts';
import { committedRules, isAlertRule } from './support/rules.ts';

type Labels = Record<string, string>;

/**
 * The labels Prometheus would send for `alert` at `severity`: the rule's own labels (taken from
 * the generated file, so a rule losing its `symptom` label fails here), the service filled in.
 */
function firing(alert: string, severity: string, service: string, extra: Labels = {}): Labels {
  const rule = committedRules()
    .filter(isAlertRule)
    .find(
      (r) =>
        r.alert === alert &&
        r.labels.severity === severity &&
        Object.entries(extra).every(([k, v]) => r.labels[k] === undefined || r.labels[k] === v),
    );
  if (rule === undefined) throw new Error(`no ${severity} rule for ${alert}`);
  const own = Object.entries(rule.labels).filter(([, value]) => !value.includes('{{'));
  return { ...Object.fromEntries(own), alertname: alert, service, ...extra };
}

// Each case: the alert, and whether Alertmanager must keep it quiet.
const CASES: readonly (readonly [string, Labels, boolean])[] = [
  ['orders is down', firing('ServiceDown', 'critical', 'orders'), false],
  ['orders error ratio while orders is down', firing('HighErrorRatio', 'warning', 'orders'), true],
  [
    'orders target down while orders is down',
    firing('TargetDown', 'warning', 'orders', { instance: 'orders-1:3000' }),
    true,
  ],
  [
    'orders restarting while orders is down (a cause, not a symptom)',
    firing('FrequentRestarts', 'warning', 'orders', { instance: 'orders-1:3000' }),
    false,
  ],
  [
    'payments error ratio (another service)',
    firing('HighErrorRatio', 'warning', 'payments'),
    false,
  ],
  [
    'inventory 1h budget page',
    firing('AvailabilityBudgetBurn', 'critical', 'inventory', { long_window: '1h' }),
    false,
  ],
  [
    'inventory 1d budget ticket under the page',
    firing('AvailabilityBudgetBurn', 'warning', 'inventory', { long_window: '1d' }),
    true,
  ],
  [
    'inventory error ratio under its budget page',
    firing('HighErrorRatio', 'critical', 'inventory'),
    true,
  ],
  ['inventory p99 (no latency page)', firing('LatencyP99High', 'warning', 'inventory'), false],
  [
    'payments heap critical on p-1',
    firing('HeapNearLimit', 'critical', 'payments', { instance: 'p-1' }),
    false,
  ],
  [
    'payments heap warning on p-1, under its critical',
    firing('HeapNearLimit', 'warning', 'payments', { instance: 'p-1' }),
    true,
  ],
  [
    'payments heap warning on p-2',
    firing('HeapNearLimit', 'warning', 'payments', { instance: 'p-2' }),
    false,
  ],
  ['the Watchdog', firing('Watchdog', 'none', ''), false],
];

interface ApiAlert {
  labels: Labels;
  status: { state: string; inhibitedBy: string[] };
}

const sameLabels = (a: Labels, b: Labels) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const withoutEmpty = (labels: Labels) =>
  Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== ''));

describe('inhibition in a real Alertmanager with alertmanager.yml', () => {
  let alertmanager: RunningAlertmanager;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: notifications fail fast and never leave the machine.
    const config = alertmanagerConfigWith({
      incident: 'http://127.0.0.1:9/incident',
      heartbeat: 'http://127.0.0.1:9/heartbeat',
    });
    alertmanager = await startAlertmanager(config);
    const body = CASES.map(([, labels]) => ({ labels: withoutEmpty(labels) }));
    const posted = await fetch(`${alertmanager.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(posted.status, alertmanager.log()).toBe(200);
  });

  afterAll(async () => {
    await alertmanager?.[Symbol.asyncDispose]();
  });

  // The inhibitor learns about source alerts asynchronously, so poll briefly for the final state.
  async function statuses(): Promise<ApiAlert[]> {
    const deadline = Date.now() + 15_000;
    let alerts: ApiAlert[] = [];
    while (Date.now() < deadline) {
      alerts = (await (await fetch(`${alertmanager.url}/api/v2/alerts`)).json()) as ApiAlert[];
      const suppressed = alerts.filter((a) => a.status.inhibitedBy.length > 0).length;
      if (alerts.length === CASES.length && suppressed === CASES.filter((c) => c[2]).length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return alerts;
  }

  it('keeps quiet exactly the symptom and lower-tier alerts', async () => {
    const alerts = await statuses();
    const outcome = CASES.map(([name, labels]) => {
      const found = alerts.find((alert) => sameLabels(alert.labels, withoutEmpty(labels)));
      return [name, found === undefined ? 'missing' : found.status.inhibitedBy.length > 0];
    });
    expect(outcome).toEqual(CASES.map(([name, , inhibited]) => [name, inhibited]));
  });
});
