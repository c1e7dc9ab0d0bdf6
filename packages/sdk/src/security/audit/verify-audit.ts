import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { GENESIS_HASH, hashRecord } from './audit-chain.ts';

export interface VerifyOptions {
  /** HMAC key, required for chains written with `alg: hmac-sha256`. */
  readonly key?: string | undefined;
  /** Accept chains that begin after seq 0, as in a rotated log segment. */
  readonly allowPartial?: boolean;
  /** Skip lines that are not audit records (a mixed stderr capture) instead of failing. */
  readonly skipForeign?: boolean;
}

/** The verdict on one audit file. */
export type VerifyResult =
  | {
      readonly ok: true;
      readonly records: number;
      /** Last seq and time of each chain, to compare with a copy shipped off the host. */
      readonly chains: readonly { chain: string; lastSeq: number; lastTime: string }[];
    }
  | {
      readonly ok: false;
      readonly records: number;
      readonly line: number;
      readonly reason: string;
    };

interface ChainPosition {
  seq: number;
  hash: string;
  line: number;
  time: string;
}

/** Verifies an audit file line by line, stopping at the first bad line. */
export async function verifyAuditFile(path: string, options: VerifyOptions = {}) {
  const lines = createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  return verifyAuditLines(lines, options);
}

/**
 * Verifies records in order: each must hash to its `hash`, and link to the previous record of
 * its chain by `prev_hash` and by `seq`. An edit breaks the first rule; a deletion, a move or a
 * duplicate breaks the second. Deleting the newest records leaves a valid shorter chain, which
 * no chain can reveal by itself, so the result lists each chain's last record for comparison.
 */
export async function verifyAuditLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const chains = new Map<string, ChainPosition>();
  const seen = new Set<string>([GENESIS_HASH]);
  let lineNo = 0;
  let records = 0;
  for await (const text of lines) {
    lineNo += 1;
    if (text.trim() === '') continue;
    const record = parseRecord(text);
    if (record === undefined && options.skipForeign) continue;
    const reason =
      record === undefined ? 'not an audit record' : check(record, lineNo, chains, seen, options);
    if (reason !== undefined) return { ok: false, records, line: lineNo, reason };
    seen.add(String(record?.hash));
    records += 1;
  }
  const summary = [...chains].map(([chain, pos]) => ({
    chain,
    lastSeq: pos.seq,
    lastTime: pos.time,
  }));
  return { ok: true, records, chains: summary };
}

function parseRecord(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
    return isRecord && (value as Record<string, unknown>).stream === 'audit'
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Returns why the record breaks the chain, or undefined when it fits. */
function check(
  record: Record<string, unknown>,
  lineNo: number,
  chains: Map<string, ChainPosition>,
  seen: ReadonlySet<string>,
  options: VerifyOptions,
): string | undefined {
  const { chain, seq, prev_hash: prevHash, hash, alg, time } = record;
  if (typeof chain !== 'string' || typeof seq !== 'number' || typeof hash !== 'string') {
    return 'missing chain, seq or hash';
  }
  if (alg === 'hmac-sha256' && options.key === undefined) return 'HMAC chain: a key is needed';
  // With a key, a plain-SHA-256 record is a downgrade: anyone could have recomputed it.
  if (options.key !== undefined && alg !== 'hmac-sha256') return 'record is not HMAC-chained';
  if (hashRecord(record, alg === 'hmac-sha256' ? options.key : undefined) !== hash) {
    return 'content does not match its hash: the record was edited';
  }

  const previous = chains.get(chain);
  const linkProblem =
    previous === undefined
      ? startProblem(seq, prevHash, seen, options)
      : linkProblemAfter(previous, seq, prevHash);
  if (linkProblem !== undefined) return linkProblem;
  chains.set(chain, { seq, hash, line: lineNo, time: String(time) });
  return undefined;
}

/**
 * A chain begins at seq 0, linked to the genesis hash or to a record earlier in the file (the
 * last record present when its writer started).
 */
function startProblem(
  seq: number,
  prevHash: unknown,
  seen: ReadonlySet<string>,
  options: VerifyOptions,
) {
  if (options.allowPartial) return undefined;
  if (seq !== 0) return `chain starts at seq ${seq}, not 0: earlier records were deleted`;
  if (typeof prevHash !== 'string' || !seen.has(prevHash)) {
    return 'chain links to a record that is not in the file: earlier records were deleted';
  }
  return undefined;
}

function linkProblemAfter(previous: ChainPosition, seq: number, prevHash: unknown) {
  const expected = previous.seq + 1;
  if (seq > expected) {
    return `expected seq ${expected} after line ${previous.line}, found ${seq}: a record before this line was deleted or moved`;
  }
  if (seq < expected) {
    return `seq ${seq} after seq ${previous.seq} (line ${previous.line}): a record was moved or duplicated`;
  }
  if (prevHash !== previous.hash) {
    return `prev_hash does not match line ${previous.line}: a record was replaced`;
  }
  return undefined;
}
