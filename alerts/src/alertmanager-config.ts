/**
 * The repository's Alertmanager configuration, for tests that run a real Alertmanager: the same
 * routes, grouping and inhibition, with the two webhook receivers pointed at the test's own
 * listeners (Alertmanager 0.25 cannot read webhook URLs from files, so they are plain settings).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/** Absolute path of alerts/alertmanager/alertmanager.yml. */
export const ALERTMANAGER_CONFIG_PATH = fileURLToPath(
  new URL('../alertmanager/alertmanager.yml', import.meta.url),
);

/** The webhook receivers' names in alertmanager.yml. */
export const WEBHOOK_RECEIVERS = {
  incident: 'incident-webhook',
  heartbeat: 'heartbeat',
} as const;

/** Where to send each webhook receiver's notifications instead. */
export interface WebhookUrls {
  readonly incident: string;
  readonly heartbeat: string;
}

/** alertmanager.yml as YAML text with the webhook URLs replaced; comments are kept. */
export function alertmanagerConfigWith(urls: WebhookUrls): string {
  const document = parseDocument(readFileSync(ALERTMANAGER_CONFIG_PATH, 'utf8'));
  const receivers = document.get('receivers') as { items: { toJSON(): { name: string } }[] };

  for (const [key, name] of Object.entries(WEBHOOK_RECEIVERS)) {
    const index = receivers.items.findIndex((receiver) => receiver.toJSON().name === name);
    if (index < 0) throw new Error(`alertmanager.yml has no receiver named ${name}`);
    document.setIn(
      ['receivers', index, 'webhook_configs', 0, 'url'],
      urls[key as keyof WebhookUrls],
    );
  }
  return document.toString({ lineWidth: 0 });
}
