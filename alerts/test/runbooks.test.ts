import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DASHBOARDS } from '../src/index.ts';
import { EXPORTED_METRICS, namesIn } from './support/known-names.ts';
import { RUNBOOKS_DIR } from './support/paths.ts';
import { committedRules, isAlertRule } from './support/rules.ts';

const SECTIONS = [
  '## What it means',
  '## Impact',
  '## Check first',
  '## Likely causes',
  '## Mitigation',
  '## Escalation',
];

const alerts = [
  ...new Set(
    committedRules()
      .filter(isAlertRule)
      .map((rule) => rule.alert),
  ),
];
const runbooks = new Map(
  readdirSync(RUNBOOKS_DIR)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => [name.replace(/\.md$/, ''), readFileSync(join(RUNBOOKS_DIR, name), 'utf8')]),
);
const text = (alert: string) => runbooks.get(alert) ?? '';

describe('runbooks', () => {
  it('exist for exactly the alerts there are, no orphans', () => {
    expect([...runbooks.keys()].sort()).toEqual([...alerts].sort());
  });

  it('are all listed in the folder index', () => {
    const index = readFileSync(join(RUNBOOKS_DIR, 'README.md'), 'utf8');
    for (const alert of alerts) expect(index).toContain(`](${alert}.md)`);
  });

  it.each(alerts)('%s has every section, in order, under its own title', (alert) => {
    const body = text(alert);
    expect(body.startsWith(`# ${alert}\n`)).toBe(true);
    const positions = SECTIONS.map((section) => body.indexOf(`\n${section}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each(alerts)('%s says what to check first with a query and the dashboard', (alert) => {
    const body = text(alert);
    const checkFirst = body.slice(body.indexOf('## Check first'), body.indexOf('## Likely causes'));
    expect(checkFirst).toMatch(/```(promql|logql)\n|`[a-z_:]+\{[^}]*\}/);
    expect(Object.values(DASHBOARDS).some((uid) => body.includes(`/d/${uid}`))).toBe(true);
  });

  // Prometheus's and Alertmanager's own metrics, which the runbooks may name for the stack itself.
  const STACK_METRICS = new Set(['alertmanager_notifications_failed_total']);

  it.each(alerts)('%s queries only metrics that exist as constants', (alert) => {
    const blocks = [...text(alert).matchAll(/```promql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const inline = [...text(alert).matchAll(/`([a-z_:]+\{[^`]*)`/g)].map((m) => m[1] ?? '');
    for (const query of [...blocks, ...inline]) {
      for (const metric of namesIn(query).metrics) {
        expect(EXPORTED_METRICS.has(metric) || STACK_METRICS.has(metric), metric).toBe(true);
      }
    }
  });

  it('share no paragraph with one another: each is written for its alert', () => {
    const seen = new Map<string, string>();
    for (const [alert, body] of runbooks) {
      for (const paragraph of body.split(/\n\s*\n/).map((p) => p.trim())) {
        if (paragraph.length < 60) continue;
        expect(
          seen.get(paragraph),
          `${alert} repeats a paragraph of ${seen.get(paragraph)}`,
        ).toBeUndefined();
        seen.set(paragraph, alert);
      }
    }
  });
});
