/**
 * A real OTLP/HTTP server for tests: it decodes what SDKs and collectors export and keeps the
 * records for assertions, and it can misbehave on request (503, 400, slow answers, a
 * vanished port) so pipeline tests can prove retries and queues.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { readBody, UnsupportedEncodingError } from '../http/read-body.ts';
import { RestartableServer } from '../http/restartable-server.ts';
import { RecordStore } from '../record-store.ts';
import {
  type Answer,
  acceptAnswer,
  invalidAnswer,
  plainAnswer,
  unavailableAnswer,
} from './answers.ts';
import { encodingOf, type OtlpEncoding, type OtlpSignal } from './decode-request.ts';
import type {
  OtlpModeOptions,
  OtlpReceiver,
  OtlpReceiverMode,
  OtlpReceiverOptions,
  OtlpRequestInfo,
} from './otlp-receiver-api.ts';
import type { OtlpLogRecord, OtlpMetricPoint, OtlpSpan } from './records.ts';

const SIGNALS: readonly OtlpSignal[] = ['traces', 'logs', 'metrics'];

class OtlpTestReceiver implements OtlpReceiver {
  readonly spans: RecordStore<OtlpSpan>;
  readonly logs: RecordStore<OtlpLogRecord>;
  readonly metrics: RecordStore<OtlpMetricPoint>;
  readonly requests = new RecordStore<OtlpRequestInfo>('requests');
  readonly #pathPrefix: string;
  #server: RestartableServer | undefined;
  #mode: OtlpReceiverMode = 'ok';
  #modeOptions: OtlpModeOptions = {};
  // Aborted on stop() so requests held by `slow` mode do not outlive the outage they simulate.
  #stopping = new AbortController();

  constructor(pathPrefix: string) {
    this.#pathPrefix = pathPrefix.replace(/\/+$/, '');
    const diagnose = () => this.#requestSummary();
    this.spans = new RecordStore('spans', diagnose);
    this.logs = new RecordStore('log records', diagnose);
    this.metrics = new RecordStore('metric points', diagnose);
  }

  async listen(options: OtlpReceiverOptions): Promise<void> {
    const listen = { host: options.host ?? '127.0.0.1', port: options.port ?? 0 };
    this.#server = await RestartableServer.start((req, res) => void this.#handle(req, res), listen);
  }

  get #running(): RestartableServer {
    if (!this.#server) throw new Error('OTLP receiver is not started');
    return this.#server;
  }

  get url(): string {
    return `${this.#running.origin}${this.#pathPrefix}`;
  }

  get port(): number {
    return this.#running.port;
  }

  get endpoints(): Record<OtlpSignal, string> {
    const url = this.url;
    return { traces: `${url}/v1/traces`, logs: `${url}/v1/logs`, metrics: `${url}/v1/metrics` };
  }

  get mode(): OtlpReceiverMode {
    return this.#mode;
  }

  setMode(mode: OtlpReceiverMode, options: OtlpModeOptions = {}): void {
    this.#mode = mode;
    this.#modeOptions = options;
  }

  requestCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const request of this.requests.all) counts[request.path] = (counts[request.path] ?? 0) + 1;
    return counts;
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#server?.stop();
  }

  async restart(): Promise<void> {
    this.#stopping = new AbortController();
    await this.#running.restart();
  }

  clear(): void {
    for (const store of [this.spans, this.logs, this.metrics, this.requests]) store.clear();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /**
   * Answers one request and records it in `requests` whatever the outcome, so a test can count
   * the retries an exporter made while the receiver refused them.
   */
  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://receiver').pathname;
    const info: OtlpRequestInfo = {
      path,
      signal: this.#signalOf(path),
      status: 0,
      encoding: encodingOf(request.headers['content-type']),
      contentEncoding: request.headers['content-encoding'] ?? 'identity',
      wireBytes: 0,
      records: 0,
      error: undefined,
      receivedAt: 0,
    };

    let answer: Answer;
    try {
      answer = await this.#answer(request, info);
    } catch (error) {
      // stop() aborted a slow request: its socket is already gone, as in a real crash.
      if (this.#stopping.signal.aborted) return;
      answer = plainAnswer(500, String(error));
    }
    this.#keep(answer);
    response.writeHead(answer.status, {
      'content-type': info.encoding === 'json' ? 'application/json' : 'application/x-protobuf',
      ...answer.headers,
    });
    response.end(answer.body);
    const records = answer.decoded?.records.length ?? 0;
    this.requests.push({
      ...info,
      status: answer.status,
      records,
      error: answer.error,
      receivedAt: Date.now(),
    });
  }

  async #answer(request: IncomingMessage, info: OtlpRequestInfo): Promise<Answer> {
    if (!info.signal) return plainAnswer(404, `no OTLP endpoint at ${info.path}`);
    if (request.method !== 'POST') return plainAnswer(405, 'OTLP export requires POST');
    if (!info.encoding) return plainAnswer(415, 'OTLP/HTTP takes protobuf or JSON');

    let body: Buffer;
    try {
      const read = await readBody(request);
      info.wireBytes = read.wireBytes;
      body = read.bytes;
    } catch (error) {
      const status = error instanceof UnsupportedEncodingError ? 415 : 400;
      return invalidAnswer(status, info.encoding, String(error));
    }
    return this.#answerInMode(info.signal, info.encoding, body);
  }

  async #answerInMode(signal: OtlpSignal, encoding: OtlpEncoding, body: Buffer): Promise<Answer> {
    switch (this.#mode) {
      case 'unavailable':
        return unavailableAnswer(encoding, this.#modeOptions.retryAfterSeconds);
      case 'reject':
        return invalidAnswer(400, encoding, 'receiver set to reject');
      case 'slow':
        await delay(this.#modeOptions.delayMs ?? 1000, undefined, {
          signal: this.#stopping.signal,
        });
        return acceptAnswer(signal, encoding, body);
      case 'ok':
        return acceptAnswer(signal, encoding, body);
    }
  }

  /** Stores decoded records before the answer is written, so a test sees them on 200. */
  #keep(answer: Answer): void {
    const decoded = answer.decoded;
    if (decoded?.signal === 'traces') this.spans.pushAll(decoded.records);
    if (decoded?.signal === 'logs') this.logs.pushAll(decoded.records);
    if (decoded?.signal === 'metrics') this.metrics.pushAll(decoded.records);
  }

  /** The signal a path addresses; a trailing slash is tolerated as the collector does. */
  #signalOf(path: string): OtlpSignal | undefined {
    const base = `${this.#pathPrefix}/v1/`;
    if (!path.startsWith(base)) return undefined;
    const rest = path.slice(base.length).replace(/\/$/, '');
    return SIGNALS.find((signal) => signal === rest);
  }

  #requestSummary(): string {
    const statuses = [...new Set(this.requests.all.map((request) => request.status))];
    const summary = `Receiver saw ${this.requests.size} requests (statuses [${statuses.join(', ')}])`;
    const failed = this.requests.filter((request) => request.error !== undefined);
    if (failed.length === 0) return `${summary}, mode ${this.#mode}.`;
    return `${summary}; ${failed.length} failed to decode, last: ${failed.at(-1)?.error}`;
  }
}

/**
 * Starts an OTLP/HTTP receiver on loopback. It accepts `POST <prefix>/v1/traces`, `/v1/logs`
 * and `/v1/metrics` as protobuf or JSON, gzip/deflate/br/zstd-compressed or not, answers with
 * the matching Export*ServiceResponse, and keeps the flattened records. Stop it with
 * `await using` or `stop()`.
 */
export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  const receiver = new OtlpTestReceiver(options.pathPrefix ?? '');
  await receiver.listen(options);
  return receiver;
}
