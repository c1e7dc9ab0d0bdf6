/** The public shape of the OTLP test receiver: its options, modes and handle. */
import type { ReadonlyRecordStore } from '../record-store.ts';
import type { OtlpEncoding, OtlpSignal } from './decode-request.ts';
import type { OtlpLogRecord, OtlpMetricPoint, OtlpSpan } from './records.ts';

/**
 * How the receiver answers exports: `ok` (200, records kept), `unavailable` (503, retryable,
 * records dropped), `slow` (waits `delayMs`, then as `ok`), `reject` (400, permanent, dropped).
 */
export type OtlpReceiverMode = 'ok' | 'unavailable' | 'slow' | 'reject';

/** Options of `startOtlpReceiver`. */
export interface OtlpReceiverOptions {
  /** Default 0: a free port chosen by the OS, kept across `restart()`. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Served in front of `/v1/<signal>`, e.g. `/otlp` as Loki does. Default none. */
  pathPrefix?: string;
}

/** Options of {@link OtlpReceiver.setMode}. */
export interface OtlpModeOptions {
  /** Delay of `slow` mode, milliseconds. Default 1000. */
  delayMs?: number;
  /** `Retry-After` header (seconds) sent with 503 in `unavailable` mode; omitted by default. */
  retryAfterSeconds?: number;
}

/** One HTTP request the receiver answered, whatever the outcome. */
export interface OtlpRequestInfo {
  path: string;
  signal: OtlpSignal | undefined;
  status: number;
  encoding: OtlpEncoding | undefined;
  /** Content-Encoding as sent (`gzip`, `identity`...). */
  contentEncoding: string;
  /** Body size on the wire, before decompression. */
  wireBytes: number;
  /** Records decoded and kept (0 unless the status is 200). */
  records: number;
  /** Why the request failed to decode, when it did. */
  error: string | undefined;
  /** `Date.now()` when the answer was sent. */
  receivedAt: number;
}

/** A running OTLP/HTTP receiver; see `startOtlpReceiver`. */
export interface OtlpReceiver extends AsyncDisposable {
  /** Base URL, prefix included: the value for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly url: string;
  readonly port: number;
  /** Full per-signal URLs, for `OTEL_EXPORTER_OTLP_<SIGNAL>_ENDPOINT` or collector configs. */
  readonly endpoints: Readonly<Record<OtlpSignal, string>>;
  readonly spans: ReadonlyRecordStore<OtlpSpan>;
  readonly logs: ReadonlyRecordStore<OtlpLogRecord>;
  readonly metrics: ReadonlyRecordStore<OtlpMetricPoint>;
  /** Every request answered, including rejected and failed ones. */
  readonly requests: ReadonlyRecordStore<OtlpRequestInfo>;
  /** Requests answered so far, by URL path. */
  requestCounts(): Record<string, number>;
  readonly mode: OtlpReceiverMode;
  /** Changes how the following requests are answered. */
  setMode(mode: OtlpReceiverMode, options?: OtlpModeOptions): void;
  /** Closes the port and resets open connections; records are kept. Idempotent. */
  stop(): Promise<void>;
  /** Listens again on the same port after `stop()`. */
  restart(): Promise<void>;
  /** Forgets every record and request seen. */
  clear(): void;
}
