import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WATCHDOG_ALERT } from '../src/index.ts';
import { UNIT_TESTS_DIR } from './support/paths.ts';
import { committedRules, isAlertRule } from './support/rules.ts';

interface AlertCheck {
  alertname: string;
  exp_alerts: { exp_labels: Record<string, string> }[];
}
interface TestFile {
  tests: { name: string; input_series: { values: string }[]; alert_rule_test?: AlertCheck[] }[];
}

const tests = readdirSync(UNIT_TESTS_DIR)
  .filter((name) => name.endsWith('.test.yaml'))
  .flatMap((name) => (parse(readFileSync(join(UNIT_TESTS_DIR, name), 'utf8')) as TestFile).tests);
const checks = tests.flatMap((test) => test.alert_rule_test ?? []);

// Each alert rule is one tier of an alert: its name plus the labels that tell its rules apart.
const tiers = [
  ...new Set(
    committedRules()
      .filter(isAlertRule)
      .map((rule) => JSON.stringify([rule.alert, rule.labels.severity])),
  ),
].map((key) => JSON.parse(key) as [string, string]);
const alertNames = [...new Set(tiers.map(([alert]) => alert))];

describe('promtool unit tests', () => {
  it.each(tiers)('prove %s (%s) firing', (alert, severity) => {
    const firing = checks.filter(
      (check) =>
        check.alertname === alert &&
        check.exp_alerts.some((expected) => expected.exp_labels.severity === severity),
    );
    expect(firing.length).toBeGreaterThan(0);
  });

  it.each(alertNames.filter((name) => name !== WATCHDOG_ALERT))('prove %s silent', (alert) => {
    const silent = checks.filter((c) => c.alertname === alert && c.exp_alerts.length === 0);
    expect(silent.length).toBeGreaterThan(0);
  });

  it('include scrape gaps, stale markers and counter resets', () => {
    const values = tests.flatMap((test) => test.input_series.map((input) => input.values));
    expect(values.some((v) => /(^| )_x\d+/.test(v))).toBe(true);
    expect(values.some((v) => v.includes('stale'))).toBe(true);
    expect(tests.some((test) => /restart/.test(test.name))).toBe(true);
  });

  it('name every test by the behaviour it proves', () => {
    for (const test of tests) expect(test.name).toMatch(/^[a-z0-9'"].{20,}$/i);
  });
});
