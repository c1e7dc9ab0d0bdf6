import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Secret } from '../secret.ts';
import { type PromRegistry, securityMetrics } from '../security-metrics.ts';
import { type ChainAlgorithm, GENESIS_HASH, hashRecord } from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';
import { readTailHash } from './chain-tail.ts';

/** The security events Lookout records. */
export type AuditEvent =
  | 'audit.started'
  | 'auth.success'
  | 'auth.failure'
  | 'key.created'
  | 'key.rotated'
  | 'key.revoked'
  | 'rate_limit.exceeded'
  | 'cors.refused'
  | 'config.loaded'
  | 'admin.action';

/** Field values an audit record may carry: flat data only, never request bodies. */
export type AuditValue = string | number | boolean | null | readonly string[];

/** Writes security events; see `createAuditLog`. */
export interface AuditLog {
  /** Appends one record. Never throws: a failed write is passed to `onError`. */
  record(event: AuditEvent, fields?: Readonly<Record<string, AuditValue | undefined>>): void;
  /** Flushes and, for a file, closes the destination; idempotent. Later records are dropped. */
  close(): Promise<void>;
}

export interface AuditLogOptions {
  /** `stderr`, `stdout` or a file path (created with mode 0600, appended to). */
  readonly destination: string;
  /** Registry for `lookout_audit_events_total`. */
  readonly registry: PromRegistry;
  /** Turns the chain into HMAC-SHA-256 under this key. */
  readonly chainKey?: Secret | undefined;
  /** `service` field of every record. */
  readonly service?: string;
  /** Called when a write fails; the default ignores it (the counter still counts the event). */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => Date;
}

/** Where the chain stands: the next record's position and the hash it must link to. */
interface ChainState {
  chain: string;
  seq: number;
  prevHash: string;
}

/**
 * Creates the audit log: one JSON record per line on its own destination, separate from the
 * application log so that log levels, sampling or redaction of the application log can never
 * drop or alter a security record. Each record carries `prev_hash` and `hash`, computed over
 * its canonical serialisation, so `lookout-audit verify` detects an edited, deleted or
 * reordered record. In a file, a new writer's chain links to the file's last record.
 *
 * Lines are written synchronously through a pino destination: an audit record must be on disk
 * before the request it describes is answered, and audited events are rare by construction
 * (repeats are throttled by their callers).
 */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const key = options.chainKey?.reveal();
  const alg: ChainAlgorithm = key === undefined ? 'sha256' : 'hmac-sha256';
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? (() => {});
  const metrics = securityMetrics(options.registry);
  const stream = openDestination(options.destination);
  stream.on('error', onError);

  // Every writer starts its own chain; in a file that already holds records, the first record
  // links to the last one, so records deleted just before a restart are still detected. Two
  // writers on one file (a server and the CLI) therefore never compete for sequence numbers.
  const tail = isFile(options.destination) ? readTailHash(options.destination, key) : undefined;
  const state: ChainState = { chain: randomUUID(), seq: 0, prevHash: tail ?? GENESIS_HASH };
  let closed = false;

  const record: AuditLog['record'] = (event, fields = {}) => {
    if (closed) return;
    metrics.auditEvents.inc({ event });
    const body = {
      ...fields,
      stream: 'audit',
      time: now().toISOString(),
      event,
      service: options.service,
      chain: state.chain,
      seq: state.seq,
      prev_hash: state.prevHash,
      alg,
    };
    // The log's own fields come last, so a caller cannot forge `seq`, `hash` or `event`.
    const hash = hashRecord(body, key);
    try {
      stream.write(`${canonicalJson({ ...body, hash })}\n`);
      state.seq += 1;
      state.prevHash = hash;
    } catch (error) {
      onError(error);
    }
  };

  record('audit.started', { resumed: tail !== undefined, pid: process.pid });
  let closing: Promise<void> | undefined;
  const close = () => {
    closed = true;
    closing ??= closeDestination(stream, options.destination);
    return closing;
  };
  return { record, close };
}

function isFile(destination: string): boolean {
  return destination !== 'stderr' && destination !== 'stdout';
}

function openDestination(destination: string) {
  if (destination === 'stdout') return pino.destination({ fd: 1, sync: true });
  if (destination === 'stderr') return pino.destination({ fd: 2, sync: true });
  return pino.destination({
    dest: destination,
    sync: true,
    mkdir: true,
    append: true,
    mode: 0o600,
  });
}

/** Standard streams are flushed, never closed: the process still needs them. */
async function closeDestination(
  stream: ReturnType<typeof pino.destination>,
  destination: string,
): Promise<void> {
  if (!isFile(destination)) {
    stream.flushSync();
    return;
  }
  await new Promise<void>((resolve) => {
    stream.once('close', () => resolve());
    stream.end();
  });
}

/** An audit log that records nothing, for when LOOKOUT_AUDIT_ENABLED is false. */
export const disabledAuditLog: AuditLog = Object.freeze({
  record: () => {},
  close: async () => {},
});

/** The audit log `config` asks for: `createAuditLog` when enabled, else `disabledAuditLog`. */
export function auditLogFromConfig(
  config: {
    readonly enabled: boolean;
    readonly destination: string;
    readonly chainKey?: Secret | undefined;
  },
  deps: Omit<AuditLogOptions, 'destination' | 'chainKey'>,
): AuditLog {
  if (!config.enabled) return disabledAuditLog;
  return createAuditLog({ ...deps, destination: config.destination, chainKey: config.chainKey });
}
