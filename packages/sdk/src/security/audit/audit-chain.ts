import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** `prev_hash` of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** How a chain's hashes are computed: plain SHA-256, or HMAC-SHA-256 with a key. */
export type ChainAlgorithm = 'sha256' | 'hmac-sha256';

/** The fields every audit record carries to link it into its chain. */
export interface ChainFields {
  /** Random id of the chain; one per process, or per file when a file's chain is continued. */
  readonly chain: string;
  /** Position in the chain, from 0. */
  readonly seq: number;
  readonly prev_hash: string;
  readonly alg: ChainAlgorithm;
}

/**
 * The hash of one record: over the canonical serialisation of every field except `hash`
 * itself. `prev_hash` is one of those fields, so each hash covers the whole chain before it.
 */
export function hashRecord(record: Record<string, unknown>, key?: string): string {
  const { hash: _ignored, ...fields } = record;
  const digest = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  return digest.update(canonicalJson(fields)).digest('hex');
}
