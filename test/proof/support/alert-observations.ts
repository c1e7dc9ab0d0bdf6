/**
 * What the alerting pipeline did, read from its three vantage points: the notifications the
 * webhook received (what reached people), the alerts Alertmanager holds and whether it muted them
 * (inhibition), and the alerts Prometheus evaluates as firing (what the rules decided).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { WATCHDOG_ALERT, WEBHOOK_RECEIVERS } from '@lookout/alerts';
import type {
  AlertmanagerServer,
  PrometheusServer,
  WebhookPayload,
  WebhookReceiver,
} from '@lookout/testkit';

/** `HighErrorRatio critical orders`: an alert as the assertions name it. */
export function alertName(labels: Readonly<Record<string, string>>): string {
  return [labels.alertname, labels.severity, labels.service].filter(Boolean).join(' ');
}

const isIncident = (payload: WebhookPayload) => payload.receiver === WEBHOOK_RECEIVERS.incident;

/** Every alert that reached the incident webhook with `status`, named, each once, sorted. */
export function notified(webhook: WebhookReceiver, status: 'firing' | 'resolved'): string[] {
  const names = webhook.payloads
    .filter(isIncident)
    .flatMap((payload) => payload.alerts.filter((alert) => alert.status === status))
    .map((alert) => alertName(alert.labels));
  return [...new Set(names)].sort();
}

/** Resolves once an incident notification carries `alertname` in `status`. */
export async function waitForNotification(
  webhook: WebhookReceiver,
  alertname: string,
  status: 'firing' | 'resolved',
  timeoutMs = 60_000,
): Promise<void> {
  const carries = (payload: WebhookPayload) =>
    isIncident(payload) &&
    payload.alerts.some((a) => a.labels.alertname === alertname && a.status === status);
  await webhook.payloads.waitFor(carries, { timeoutMs });
}

/**
 * Resolves once the Watchdog's heartbeats have kept arriving for `spanMs`: the whole pipeline,
 * rules to webhook, demonstrably worked for that long. Woken by each heartbeat, never by a timer.
 */
export async function waitForHeartbeats(webhook: WebhookReceiver, spanMs: number): Promise<void> {
  const isBeat = (payload: WebhookPayload) =>
    payload.receiver === WEBHOOK_RECEIVERS.heartbeat &&
    payload.alerts.some((alert) => alert.labels.alertname === WATCHDOG_ALERT);
  await webhook.payloads.waitFor(isBeat, { timeoutMs: 30_000 });
  const firstAt = Date.now();
  await webhook.payloads.waitFor((payload) => isBeat(payload) && Date.now() - firstAt >= spanMs, {
    timeoutMs: spanMs + 30_000,
  });
}

/** Alerts Prometheus evaluates as firing, named, each once, sorted; the Watchdog left out. */
export async function firingInPrometheus(prometheus: PrometheusServer): Promise<string[]> {
  const firing = (await prometheus.alerts()).filter(
    (alert) => alert.state === 'firing' && alert.labels.alertname !== WATCHDOG_ALERT,
  );
  return [...new Set(firing.map((alert) => alertName(alert.labels)))].sort();
}

/** Waits until Prometheus fires `alertname` (any severity), polling its API. */
export async function waitForFiring(
  prometheus: PrometheusServer,
  alertname: string,
  timeoutMs = 60_000,
): Promise<void> {
  await pollUntil(`Prometheus to fire ${alertname}`, timeoutMs, async () =>
    (await prometheus.alerts()).some(
      (alert) => alert.labels.alertname === alertname && alert.state === 'firing',
    ),
  );
}

/** Waits until Alertmanager holds `alertname` and mutes every instance of it. */
export async function waitForSuppressed(
  alertmanager: AlertmanagerServer,
  alertname: string,
  timeoutMs = 60_000,
): Promise<void> {
  await pollUntil(`Alertmanager to suppress ${alertname}`, timeoutMs, async () => {
    const held = (await alertmanager.alerts()).filter((a) => a.labels.alertname === alertname);
    return held.length > 0 && held.every((alert) => alert.status.state === 'suppressed');
  });
}

// Neither Prometheus nor Alertmanager can push their state to a test; polling is the only way.
async function pollUntil(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await delay(250);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
