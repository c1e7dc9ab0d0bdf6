import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAlertmanager, startPrometheus, startWebhookReceiver } from '../src/index.ts';

const RULES = `groups:
  - name: testkit
    rules:
      - record: testkit:answer
        expr: vector(42)
      - alert: TestkitAlwaysFiring
        expr: vector(1) > 0
        labels:
          severity: page
        annotations:
          summary: Always firing, to prove delivery
`;

/** Routes every alert straight to `webhookUrl`, without grouping delays. */
function alertmanagerConfig(webhookUrl: string): string {
  return `route:
  receiver: webhook
  group_by: [alertname]
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: webhook
    webhook_configs:
      - url: ${webhookUrl}
        send_resolved: true
`;
}

describe('alerting chain', () => {
  it('delivers a Prometheus alert through a real Alertmanager to the webhook receiver', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'testkit-rules-'));
    await using _cleanup = { [Symbol.asyncDispose]: () => rm(directory, { recursive: true }) };
    const rulesFile = join(directory, 'rules.yml');
    await writeFile(rulesFile, RULES);
    await using webhook = await startWebhookReceiver();
    await using alertmanager = await startAlertmanager({
      configYaml: alertmanagerConfig(webhook.url),
    });
    await using prometheus = await startPrometheus({
      ruleFiles: [rulesFile],
      alertmanagerUrls: [alertmanager.url],
    });

    const alert = await webhook.waitForAlert('TestkitAlwaysFiring');
    expect(alert).toMatchObject({
      status: 'firing',
      labels: { alertname: 'TestkitAlwaysFiring', severity: 'page' },
      annotations: { summary: 'Always firing, to prove delivery' },
    });
    expect(webhook.payloads.all[0]).toMatchObject({ receiver: 'webhook', version: '4' });

    const [group] = await prometheus.rules();
    expect(group?.rules.map((rule) => [rule.name, rule.type, rule.health])).toEqual([
      ['testkit:answer', 'recording', 'ok'],
      ['TestkitAlwaysFiring', 'alerting', 'ok'],
    ]);
    expect(await prometheus.alerts()).toMatchObject([
      { labels: { alertname: 'TestkitAlwaysFiring' }, state: 'firing' },
    ]);
    const held = await alertmanager.alerts();
    expect(held.map((entry) => entry.labels.alertname)).toEqual(['TestkitAlwaysFiring']);
  });
});
