/**
 * One fault scenario against the running stack: inject a fault, wait until exactly the intended
 * alerts have reached the incident webhook and every other alert Prometheus fires is muted by
 * Alertmanager, take the fault away and wait for the page to resolve.
 */
import { WATCHDOG_ALERT } from '@lookout/alerts';
import { expect } from 'vitest';
import {
  alertName,
  notified,
  waitForFiring,
  waitForNotification,
  waitForSuppressed,
} from './alert-observations.ts';
import type { Monitoring } from './monitoring.ts';

/** What a scenario does and what it must cause. */
export interface Scenario {
  readonly title: string;
  inject(): Promise<void>;
  recover(): Promise<void>;
  /** The alerts that must reach the incident webhook, as `alertName` spells them. */
  readonly notify: readonly string[];
  /** Alert names Prometheus must fire that Alertmanager must keep from the webhook. */
  readonly suppress: readonly string[];
  /** The alert name whose resolution ends the scenario. */
  readonly resolves: string;
}

/** What a scenario was seen to do, for the closing report. */
export interface ScenarioOutcome {
  readonly title: string;
  readonly notified: readonly string[];
  readonly suppressed: readonly string[];
  /** Fault injected to the first page at the webhook, seconds. */
  readonly secondsToPage: number;
  /** Fault removed to the page's resolution at the webhook, seconds. */
  readonly secondsToResolve: number;
}

/** Runs `scenario` on `monitoring` (alerting on) and checks what reached the webhook. */
export async function runScenario(
  monitoring: Monitoring,
  scenario: Scenario,
): Promise<ScenarioOutcome> {
  const { webhook } = alertingOf(monitoring);
  expect(notified(webhook, 'firing'), 'alerts before the fault').toEqual([]);

  const injectedAt = Date.now();
  await scenario.inject();
  let page: Page;
  try {
    page = await waitForPage(monitoring, scenario);
  } catch (error) {
    // The fault must not outlive a failed scenario: the next one starts from a healthy stack.
    await scenario.recover();
    throw error;
  }
  const secondsToPage = (page.pagedAt - injectedAt) / 1000;

  const recoveredAt = Date.now();
  await scenario.recover();
  await waitForNotification(webhook, scenario.resolves, 'resolved');
  const secondsToResolve = (Date.now() - recoveredAt) / 1000;

  expect(notified(webhook, 'firing'), 'alerts at the incident webhook').toEqual(
    [...scenario.notify].sort(),
  );
  expect(page.loud, 'alerts Alertmanager did not mute').toEqual([...scenario.notify].sort());
  return {
    title: scenario.title,
    notified: notified(webhook, 'firing'),
    suppressed: [...scenario.suppress],
    secondsToPage,
    secondsToResolve,
  };
}

interface Page {
  /** When the last intended alert reached the webhook, ms since the epoch. */
  readonly pagedAt: number;
  /** The alerts Alertmanager left unmuted once the expected symptoms fired, named, sorted. */
  readonly loud: readonly string[];
}

// The page: every intended alert notified, every expected symptom firing and muted.
async function waitForPage(monitoring: Monitoring, scenario: Scenario): Promise<Page> {
  const { webhook, alertmanager, prometheus } = alertingOf(monitoring);
  const names = [...new Set(scenario.notify.map((name) => name.split(' ')[0] ?? name))];
  await Promise.all(names.map((name) => waitForNotification(webhook, name, 'firing')));
  const pagedAt = Date.now();
  for (const name of scenario.suppress) {
    await waitForFiring(prometheus, name);
    await waitForSuppressed(alertmanager, name);
  }
  const loud = (await alertmanager.alerts())
    .filter((alert) => alert.status.state !== 'suppressed')
    .map((alert) => alertName(alert.labels))
    .filter((name) => !name.startsWith(WATCHDOG_ALERT));
  return { pagedAt, loud: [...new Set(loud)].sort() };
}

function alertingOf(monitoring: Monitoring) {
  const { webhook, alertmanager, prometheus } = monitoring;
  if (webhook === undefined || alertmanager === undefined) {
    throw new Error('runScenario needs monitoring started with alerting on');
  }
  return { webhook, alertmanager, prometheus };
}
