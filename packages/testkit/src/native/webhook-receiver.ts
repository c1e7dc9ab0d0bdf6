/** Collects the notifications Alertmanager sends to a webhook receiver. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body.ts';
import { RestartableServer } from '../http/restartable-server.ts';
import { type ReadonlyRecordStore, RecordStore } from '../record-store.ts';

/** One alert inside a webhook notification. */
export interface WebhookAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** A notification as Alertmanager's webhook integration posts it (payload version 4). */
export interface WebhookPayload {
  version: string;
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: WebhookAlert[];
}

/** A running webhook receiver; see {@link startWebhookReceiver}. */
export interface WebhookReceiver extends AsyncDisposable {
  /** URL for `webhook_configs[].url`. */
  readonly url: string;
  readonly port: number;
  readonly payloads: ReadonlyRecordStore<WebhookPayload>;
  /** Every alert of every payload, in arrival order. */
  readonly alerts: ReadonlyRecordStore<WebhookAlert>;
  /** Resolves with the first alert named `alertname` in `status` (default `firing`). */
  waitForAlert(
    alertname: string,
    status?: 'firing' | 'resolved',
    options?: { timeoutMs?: number },
  ): Promise<WebhookAlert>;
  /** Closes the port. Idempotent. */
  stop(): Promise<void>;
}

/** Starts a webhook receiver on loopback that accepts POSTs on any path. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const payloads = new RecordStore<WebhookPayload>('webhook payloads');
  const alerts: RecordStore<WebhookAlert> = new RecordStore('alerts', () => {
    const seen = alerts.all.map((alert) => `${alert.labels.alertname}/${alert.status}`);
    return seen.length > 0 ? `Seen: ${[...new Set(seen)].join(', ')}.` : '';
  });
  const server = await RestartableServer.start(
    (request, response) => void collect(request, response, payloads, alerts),
  );

  return {
    url: `${server.origin}/`,
    port: server.port,
    payloads,
    alerts,
    waitForAlert: async (alertname, status = 'firing', options = {}) => {
      const matches = (alert: WebhookAlert) =>
        alert.labels.alertname === alertname && alert.status === status;
      const [alert] = await alerts.waitFor(matches, { timeoutMs: options.timeoutMs ?? 30_000 });
      return alert as WebhookAlert;
    },
    stop: () => server.stop(),
    [Symbol.asyncDispose]: () => server.stop(),
  };
}

async function collect(
  request: IncomingMessage,
  response: ServerResponse,
  payloads: RecordStore<WebhookPayload>,
  alerts: RecordStore<WebhookAlert>,
): Promise<void> {
  let payload: WebhookPayload;
  try {
    payload = JSON.parse((await readBody(request)).bytes.toString('utf8')) as WebhookPayload;
  } catch (error) {
    response.writeHead(400).end(String(error));
    return;
  }
  payloads.push(payload);
  alerts.pushAll(payload.alerts ?? []);
  response.writeHead(200).end();
}
