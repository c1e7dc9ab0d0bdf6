/**
 * A stand-in for Sentry's ingestion endpoint: the real SDK sends envelopes to it through an
 * ordinary DSN, and tests read back the events and transactions it sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body.ts';
import { RestartableServer } from '../http/restartable-server.ts';
import { type ReadonlyRecordStore, RecordStore } from '../record-store.ts';
import { parseEnvelope } from './envelope.ts';
import {
  eventRecords,
  type SentryEnvelope,
  type SentryEventRecord,
  type SentrySpanRecord,
  spanRecords,
} from './sentry-records.ts';

/** Options of {@link startSentryReceiver}. */
export interface SentryReceiverOptions {
  /** Public key written into the DSN. Default `testkey`. */
  publicKey?: string;
  /** Project id written into the DSN. Default `1`. */
  projectId?: string;
}

/** A running Sentry envelope receiver; see {@link startSentryReceiver}. */
export interface SentryReceiver extends AsyncDisposable {
  /** `http://<publicKey>@127.0.0.1:<port>/<projectId>`, for `Sentry.init({ dsn })`. */
  readonly dsn: string;
  readonly url: string;
  readonly port: number;
  readonly envelopes: ReadonlyRecordStore<SentryEnvelope>;
  readonly events: ReadonlyRecordStore<SentryEventRecord>;
  /** Legacy `transaction` items (SDKs before v11, or span streaming turned off). */
  readonly transactions: ReadonlyRecordStore<SentryEventRecord>;
  /** Streamed spans (`span` items). */
  readonly spans: ReadonlyRecordStore<SentrySpanRecord>;
  /** Closes the port. Idempotent. */
  stop(): Promise<void>;
}

const ENVELOPE_PATH = /^\/api\/([^/]+)\/envelope\/?$/;

/**
 * Starts a Sentry receiver on loopback. It accepts `POST /api/<project>/envelope/` (gzip or
 * not), answers 200 with the event id, and keeps every envelope and its events/transactions.
 */
export async function startSentryReceiver(
  options: SentryReceiverOptions = {},
): Promise<SentryReceiver> {
  const envelopes = new RecordStore<SentryEnvelope>('envelopes');
  const events = new RecordStore<SentryEventRecord>('events');
  const transactions = new RecordStore<SentryEventRecord>('transactions');
  const spans = new RecordStore<SentrySpanRecord>('spans');
  const stores = { envelopes, events, transactions, spans };
  const server = await RestartableServer.start((req, res) => void handle(req, res, stores));

  const publicKey = options.publicKey ?? 'testkey';
  const projectId = options.projectId ?? '1';
  return {
    dsn: `http://${publicKey}@${server.host}:${server.port}/${projectId}`,
    url: server.origin,
    port: server.port,
    envelopes,
    events,
    transactions,
    spans,
    stop: () => server.stop(),
    [Symbol.asyncDispose]: () => server.stop(),
  };
}

interface Stores {
  envelopes: RecordStore<SentryEnvelope>;
  events: RecordStore<SentryEventRecord>;
  transactions: RecordStore<SentryEventRecord>;
  spans: RecordStore<SentrySpanRecord>;
}

async function handle(request: IncomingMessage, response: ServerResponse, stores: Stores) {
  const url = new URL(request.url ?? '/', 'http://receiver');
  const projectId = ENVELOPE_PATH.exec(url.pathname)?.[1];
  if (!projectId || request.method !== 'POST') {
    response.writeHead(404).end();
    return;
  }

  let envelope: SentryEnvelope;
  try {
    const body = (await readBody(request)).bytes;
    const parsed = parseEnvelope(body);
    const publicKey = sentryKey(request, url);
    envelope = { ...parsed, projectId, publicKey, rawBody: body.toString('utf8') };
  } catch (error) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
    return;
  }

  stores.envelopes.push(envelope);
  for (const record of eventRecords(envelope)) {
    (record.type === 'event' ? stores.events : stores.transactions).push(record);
  }
  stores.spans.pushAll(spanRecords(envelope));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ id: envelope.header.event_id ?? null }));
}

// The SDK authenticates with `X-Sentry-Auth: Sentry sentry_key=..., sentry_version=7, ...`;
// browsers and tunnels put the same pairs in the query string instead.
function sentryKey(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers['x-sentry-auth'];
  const fromHeader =
    typeof header === 'string' ? /sentry_key=([^,\s]+)/.exec(header)?.[1] : undefined;
  return fromHeader ?? url.searchParams.get('sentry_key') ?? undefined;
}
