import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ALERTMANAGER_CONFIG_PATH,
  alertmanagerConfigWith,
  FAST_PROFILE,
  SEVERITIES,
  WEBHOOK_TOKEN_FILES,
} from '../src/index.ts';
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

  it('compresses its route timers with a fast profile, keeping an immediate first notification', async () => {
    type Route = Record<string, string> & { routes?: Route[] };
    const urls = { incident: 'http://127.0.0.1:1/incident', heartbeat: 'http://127.0.0.1:1/beat' };
    const fast = parse(alertmanagerConfigWith(urls, { profile: FAST_PROFILE })) as { route: Route };
    const production = parse(alertmanagerConfigWith(urls)) as { route: Route };

    expect(production.route).toMatchObject({ group_wait: '30s', group_interval: '5m' });
    expect(fast.route).toMatchObject({ group_wait: '1s', group_interval: '5s' });
    expect(fast.route.repeat_interval).toBe('4m');
    expect(fast.route.routes?.[0]).toMatchObject({ group_wait: '0s', repeat_interval: '1s' });

    const directory = await mkdtemp(join(tmpdir(), 'lookout-am-fast-'));
    try {
      const file = join(directory, 'alertmanager.yml');
      await writeFile(file, alertmanagerConfigWith(urls, { profile: FAST_PROFILE }));
      const result = await run('amtool', ['check-config', file]);
      expect(result.ok, result.output).toBe(true);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reads the webhook tokens from a test directory when told to, other secrets unchanged', () => {
    type Webhook = { url: string; http_config: { authorization: { credentials_file: string } } };
    type Config = { receivers: { name: string; webhook_configs?: Webhook[] }[] };
    const urls = { incident: 'http://127.0.0.1:1/incident', heartbeat: 'http://127.0.0.1:1/beat' };
    const config = parse(alertmanagerConfigWith(urls, { secretsDirectory: '/tmp/t' })) as Config;
    const tokenOf = (name: string) =>
      config.receivers.find((r) => r.name === name)?.webhook_configs?.[0]?.http_config.authorization
        .credentials_file;

    expect(tokenOf('incident-webhook')).toBe(`/tmp/t/${WEBHOOK_TOKEN_FILES.incident}`);
    expect(tokenOf('heartbeat')).toBe(`/tmp/t/${WEBHOOK_TOKEN_FILES.heartbeat}`);
    expect(alertmanagerConfigWith(urls, { secretsDirectory: '/tmp/t' })).toContain(
      '/etc/alertmanager/secrets/pagerduty-routing-key',
    );
  });
});
