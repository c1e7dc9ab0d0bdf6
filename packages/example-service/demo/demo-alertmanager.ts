import { readFileSync } from 'node:fs';
import { ALERTMANAGER_CONFIG_PATH } from '@lookout/alerts';
import { parse, stringify } from 'yaml';

/**
 * The project's Alertmanager configuration with every receiver pointed at the demo's own
 * webhook: same routes, grouping and inhibitions, but no page leaves this machine and no secret
 * file is needed.
 */
export function demoAlertmanagerConfig(webhookUrl: string): string {
  const config = parse(readFileSync(ALERTMANAGER_CONFIG_PATH, 'utf8')) as {
    global?: Record<string, unknown>;
    receivers: { name: string }[];
  };
  config.global = { resolve_timeout: config.global?.resolve_timeout ?? '5m' };
  config.receivers = config.receivers.map(({ name }) => ({
    name,
    webhook_configs: [{ url: `${webhookUrl}/${name}`, send_resolved: true }],
  }));
  return stringify(config);
}
