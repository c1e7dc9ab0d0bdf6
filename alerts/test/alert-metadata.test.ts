import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DASHBOARDS,
  DEFAULT_LINK_BASES,
  FAST_PROFILE,
  PIPELINE_VARIABLES,
  PRODUCTION_PROFILE,
  SEVERITIES,
  WATCHDOG_ALERT,
} from '../src/index.ts';
import { PROMETHEUS_METRICS } from '../src/metric-names.ts';
import { RUNBOOKS_DIR } from './support/paths.ts';
import { isAlertRule, renderedRules } from './support/rules.ts';

const UIDS: readonly string[] = Object.values(DASHBOARDS);

describe.each([PRODUCTION_PROFILE, FAST_PROFILE])('every alert, $name profile', (profile) => {
  const alerts = renderedRules(profile).filter(isAlertRule);
  const cases = alerts.map(
    (rule) => [`${rule.alert} ${JSON.stringify(rule.labels)}`, rule] as const,
  );

  it('exist, each with a CamelCase name', () => {
    expect(alerts.length).toBeGreaterThan(30);
    for (const rule of alerts) expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
  });

  it.each(cases)('%s has a severity, a one-line summary and a templated description', (_, rule) => {
    expect(SEVERITIES).toContain(rule.labels.severity);
    expect(rule.annotations.summary).toMatch(/^[^\n]{10,120}$/);
    expect(rule.annotations.description?.length).toBeGreaterThan(40);
    if (rule.alert !== WATCHDOG_ALERT) expect(rule.annotations.description).toContain('{{');
  });

  it.each(cases)('%s links to its runbook, which exists', (_, rule) => {
    expect(rule.annotations.runbook_url).toBe(
      `${DEFAULT_LINK_BASES.runbookBaseUrl}/${rule.alert}.md`,
    );
    expect(existsSync(join(RUNBOOKS_DIR, `${rule.alert}.md`))).toBe(true);
  });

  it.each(cases)('%s links to a dashboard by its fixed UID', (_, rule) => {
    const url = new URL(rule.annotations.dashboard_url ?? '');
    expect(`${url.origin}`).toBe(DEFAULT_LINK_BASES.grafanaUrl);
    expect(UIDS).toContain(url.pathname.replace('/d/', ''));
  });

  it.each(cases)('%s names its service for Alertmanager, unless it is the Watchdog', (_, rule) => {
    if (rule.alert === WATCHDOG_ALERT) {
      expect(rule.labels.severity).toBe('none');
      return;
    }
    // SLO rules belong to one service and say so; the rest copy it from the series' job.
    const fixed = /\{job="([^"]+)"/.exec(rule.expr)?.[1];
    expect([fixed, '{{ $labels.job }}']).toContain(rule.labels.service);
    // Prometheus's own alerts (RemoteWriteRejected) have no sidecar or service to select.
    if (rule.expr.includes(PROMETHEUS_METRICS.httpRequests)) {
      expect(rule.annotations.dashboard_url).not.toContain('var-');
      return;
    }
    // The pipeline dashboard picks sidecars by its own variables; every other one by service.
    const variable = rule.annotations.dashboard_url?.includes(`/d/${DASHBOARDS.pipeline}`)
      ? PIPELINE_VARIABLES.sidecar
      : 'service';
    expect(rule.annotations.dashboard_url).toContain(`var-${variable}={{ $labels.job }}`);
  });
});
