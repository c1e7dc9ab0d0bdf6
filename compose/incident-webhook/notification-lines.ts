/**
 * Turns an Alertmanager notification into one short log line per alert, for people watching the
 * demo's `docker compose logs incident-webhook`.
 */

/** The fields of Alertmanager's webhook payload (version 4) that the lines show. */
interface WebhookAlert {
  readonly status?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

/** Log lines for a webhook payload, or one line saying why the body was not one. */
export function notificationLines(receiver: string, body: string): string[] {
  let payload: { alerts?: unknown };
  try {
    payload = JSON.parse(body) as { alerts?: unknown };
  } catch {
    return [`${receiver}: body is not JSON (${body.length} bytes)`];
  }
  if (!Array.isArray(payload.alerts)) return [`${receiver}: ${body.slice(0, 200)}`];

  return (payload.alerts as WebhookAlert[]).map((alert) => {
    const labels = alert.labels ?? {};
    const status = (alert.status ?? 'unknown').toUpperCase();
    const where = labels.service === undefined ? '' : ` service=${labels.service}`;
    const summary = alert.annotations?.summary ?? '';
    return `${receiver}: ${status} ${labels.alertname ?? '?'} severity=${labels.severity ?? '?'}${where} ${summary}`.trimEnd();
  });
}
