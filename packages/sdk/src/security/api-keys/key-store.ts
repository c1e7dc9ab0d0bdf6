import type { KeyRecord } from './key-record.ts';

/**
 * Where key records live. Implementations encrypt records at rest; callers only ever see
 * plaintext records in memory.
 */
export interface KeyStore {
  /** The record with this id, or undefined. Hot path: called once per authenticated request. */
  get(id: string): Promise<KeyRecord | undefined>;
  /** Every record, revoked and expired ones included. */
  list(): Promise<KeyRecord[]>;
  /** Inserts or replaces these records together (a rotation writes two). */
  put(records: readonly KeyRecord[]): Promise<void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
