/**
 * The repository's Alertmanager configuration, for tests that run a real Alertmanager: the same
 * routes, grouping and inhibition, with the two webhook receivers pointed at the test's own
 * listeners (Alertmanager 0.25 cannot read webhook URLs from files, so they are plain settings),
 * and optionally its timers compressed like the rules of a fast profile.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, parseDocument, type YAMLSeq } from 'yaml';
import { type Duration, toSeconds } from './duration.ts';
import { hold, PRODUCTION_PROFILE, type RenderProfile } from './profile.ts';

/** Absolute path of alerts/alertmanager/alertmanager.yml. */
export const ALERTMANAGER_CONFIG_PATH = fileURLToPath(
  new URL('../alertmanager/alertmanager.yml', import.meta.url),
);

/** The webhook receivers' names in alertmanager.yml. */
export const WEBHOOK_RECEIVERS = {
  incident: 'incident-webhook',
  heartbeat: 'heartbeat',
} as const;

/**
 * The bearer-token file each webhook receiver reads, by name, inside the secrets directory. A
 * test that moves the directory (`secretsDirectory`) writes these two files there.
 */
export const WEBHOOK_TOKEN_FILES = {
  incident: 'webhook-token',
  heartbeat: 'heartbeat-token',
} as const;

/** Where to send each webhook receiver's notifications instead. */
export interface WebhookUrls {
  readonly incident: string;
  readonly heartbeat: string;
}

/** Options of {@link alertmanagerConfigWith}. */
export interface AlertmanagerConfigOptions {
  /**
   * Divides every route's `group_wait`, `group_interval` and `repeat_interval` by the profile's
   * time scale, as the rules of that profile are: with the fast profile a 5-minute group interval
   * becomes 5 seconds, so a resolved alert or a second alert in a group is notified within a test.
   * Default: production, timers as written.
   */
  readonly profile?: RenderProfile;
  /**
   * Where the two webhook receivers read their bearer tokens instead of
   * /etc/alertmanager/secrets/; the caller writes the {@link WEBHOOK_TOKEN_FILES} there, since
   * Alertmanager fails every notification whose credentials file is missing. Default: as written.
   */
  readonly secretsDirectory?: string;
}

/** alertmanager.yml as YAML text with the webhook URLs replaced; comments are kept. */
export function alertmanagerConfigWith(
  urls: WebhookUrls,
  options: AlertmanagerConfigOptions = {},
): string {
  const document = parseDocument(readFileSync(ALERTMANAGER_CONFIG_PATH, 'utf8'));
  const receivers = document.get('receivers') as { items: { toJSON(): { name: string } }[] };

  for (const [key, name] of Object.entries(WEBHOOK_RECEIVERS)) {
    const index = receivers.items.findIndex((receiver) => receiver.toJSON().name === name);
    if (index < 0) throw new Error(`alertmanager.yml has no receiver named ${name}`);
    const webhook = ['receivers', index, 'webhook_configs', 0];
    document.setIn([...webhook, 'url'], urls[key as keyof WebhookUrls]);
    if (options.secretsDirectory !== undefined) {
      const token = join(options.secretsDirectory, WEBHOOK_TOKEN_FILES[key as keyof WebhookUrls]);
      moveCredentials(document, webhook, token);
    }
  }
  scaleRouteTimers(document, ['route'], options.profile ?? PRODUCTION_PROFILE);
  return document.toString({ lineWidth: 0 });
}

const ROUTE_TIMERS = ['group_wait', 'group_interval', 'repeat_interval'] as const;

// Scaled like a rule's `for` (whole seconds, at least one), except that zero stays zero: the
// heartbeat's immediate first notification must stay immediate.
function scaleRouteTimers(document: Document, path: (string | number)[], profile: RenderProfile) {
  for (const timer of ROUTE_TIMERS) {
    const value = document.getIn([...path, timer]) as Duration | undefined;
    if (value === undefined || toSeconds(value) === 0) continue;
    document.setIn([...path, timer], hold(profile, value));
  }
  const routes = document.getIn([...path, 'routes']) as YAMLSeq | undefined;
  for (const index of routes?.items.keys() ?? []) {
    scaleRouteTimers(document, [...path, 'routes', index], profile);
  }
}

const CREDENTIALS_FILE = ['http_config', 'authorization', 'credentials_file'];

// The file name must stay the one WEBHOOK_TOKEN_FILES promises, or the caller writes the wrong one.
function moveCredentials(document: Document, webhook: (string | number)[], token: string) {
  const path = [...webhook, ...CREDENTIALS_FILE];
  const file = document.getIn(path);
  if (typeof file !== 'string' || basename(file) !== basename(token)) {
    throw new Error(`alertmanager.yml: expected ${path.join('.')} to name ${basename(token)}`);
  }
  document.setIn(path, token);
}
