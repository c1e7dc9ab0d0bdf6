import { describe, expect, it } from 'vitest';
import { ALERTMANAGER_CONFIG_PATH, SEVERITIES } from '../src/index.ts';
import { committedRules, isAlertRule } from './support/rules.ts';
import { run } from './support/run.ts';

/** The receivers amtool says a label set is routed to, in routing-tree order. */
async function receiversOf(labels: Readonly<Record<string, string>>): Promise<string[]> {
  const args = Object.entries(labels).map(([name, value]) => `${name}=${value}`);
  const result = await run('amtool', [
    'config',
    'routes',
    'test',
    `--config.file=${ALERTMANAGER_CONFIG_PATH}`,
    ...args,
  ]);
  expect(result.ok, result.output).toBe(true);
  return result.stdout.trim().split(',');
}

const EXPECTED_RECEIVERS: Record<string, string[]> = {
  critical: ['incident-webhook', 'pagerduty', 'slack'],
  warning: ['incident-webhook', 'slack'],
  none: ['email-platform'],
};

describe('alertmanager.yml', () => {
  it('passes amtool check-config, with secrets only referenced as files', async () => {
    const result = await run('amtool', ['check-config', ALERTMANAGER_CONFIG_PATH]);
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain('SUCCESS');
  });

  it('routes pages to PagerDuty, warnings to Slack and the Watchdog to the heartbeat only', async () => {
    const page = { alertname: 'ServiceDown', severity: 'critical', service: 'orders' };
    expect(await receiversOf(page)).toEqual(EXPECTED_RECEIVERS.critical);
    expect(await receiversOf({ ...page, alertname: 'TargetDown', severity: 'warning' })).toEqual(
      EXPECTED_RECEIVERS.warning,
    );
    expect(await receiversOf({ alertname: 'Watchdog', severity: 'none' })).toEqual(['heartbeat']);
  });

  it('sends an alert without a known severity to email rather than nowhere', async () => {
    expect(await receiversOf({ alertname: 'SomethingNew', service: 'orders' })).toEqual([
      'email-platform',
    ]);
  });

  it('routes every generated alert by the severity its rule sets', async () => {
    const alerts = committedRules().filter(isAlertRule);
    const distinct = new Map(alerts.map((rule) => [`${rule.alert}/${rule.labels.severity}`, rule]));
    for (const rule of distinct.values()) {
      const severity = rule.labels.severity ?? '';
      expect(SEVERITIES).toContain(severity);
      const labels = { alertname: rule.alert, severity, service: 'orders' };
      const expected = rule.alert === 'Watchdog' ? ['heartbeat'] : EXPECTED_RECEIVERS[severity];
      expect(await receiversOf(labels), rule.alert).toEqual(expected);
    }
  });
});
