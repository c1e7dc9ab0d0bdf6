import type { AuditLog } from '../audit/audit-log.ts';
import type { Secret } from '../secret.ts';
import { generateKey, parseKey } from './key-format.ts';
import { digestsEqual, hashKey } from './key-hash.ts';
import { type KeyRecord, keyStatus } from './key-record.ts';
import type { KeyStore } from './key-store.ts';

/** Why a presented key was refused; the metric's `reason` label and the audit record use it. */
export type KeyRefusal =
  | 'missing'
  | 'malformed'
  | 'checksum'
  | 'unknown'
  | 'mismatch'
  | 'revoked'
  | 'expired'
  | 'rotated'
  | 'store_error';

/** The verdict on a presented key. `id` is present once the key parsed. */
export type KeyVerdict =
  | { readonly ok: true; readonly record: KeyRecord }
  | { readonly ok: false; readonly reason: KeyRefusal; readonly id?: string };

/** A new key: `key` is the only copy of the secret and must be shown once, then dropped. */
export interface IssuedKey {
  readonly key: string;
  readonly record: KeyRecord;
}

/** A key-management operation that cannot proceed, such as rotating a revoked key. */
export class ApiKeyError extends Error {
  readonly code: 'LOOKOUT_KEY_NOT_FOUND' | 'LOOKOUT_KEY_INACTIVE';

  constructor(code: ApiKeyError['code'], message: string) {
    super(message);
    this.name = 'ApiKeyError';
    this.code = code;
  }
}

export interface ApiKeyManagerOptions {
  readonly store: KeyStore;
  /** Server secret for the HMAC of keys. */
  readonly secret: Secret;
  /** Receives key.created, key.rotated and key.revoked records. */
  readonly audit?: AuditLog;
  readonly now?: () => Date;
}

/** Who asked for a management operation, for the audit record. */
export interface Actor {
  readonly actor?: string;
}

/**
 * Issues, rotates, revokes and verifies API keys over a `KeyStore`. The manager never keeps
 * a key: `create` and `rotate` return it once, and only its HMAC reaches the store.
 */
export class ApiKeyManager {
  readonly #store: KeyStore;
  readonly #secret: Secret;
  readonly #audit: AuditLog | undefined;
  readonly #now: () => Date;

  constructor(options: ApiKeyManagerOptions) {
    this.#store = options.store;
    this.#secret = options.secret;
    this.#audit = options.audit;
    this.#now = options.now ?? (() => new Date());
  }

  /** Issues a key with these scopes, valid for `ttlMs` milliseconds. */
  async create(input: { name: string; scopes: readonly string[]; ttlMs: number } & Actor) {
    const issued = this.#issue(input.name, input.scopes, input.ttlMs);
    await this.#store.put([issued.record]);
    this.#audit?.record('key.created', {
      key_id: issued.record.id,
      name: issued.record.name,
      scopes: issued.record.scopes,
      expires_at: issued.record.expiresAt,
      actor: input.actor,
    });
    return issued;
  }

  /** Every record with its state now. */
  async list() {
    const now = this.#now();
    const records = await this.#store.list();
    return records
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((record) => ({ ...record, status: keyStatus(record, now) }));
  }

  /**
   * Replaces a key: the successor gets the same name, scopes and lifetime; the old key keeps
   * working for `overlapMs` (never longer than it would have anyway), so clients can switch
   * without an outage. Both records are written together.
   */
  async rotate(id: string, input: { overlapMs: number } & Actor): Promise<IssuedKey> {
    const old = await this.#active(id);
    const lifetime = Date.parse(old.expiresAt) - Date.parse(old.createdAt);
    const issued = this.#issue(old.name, old.scopes, lifetime);
    const successor = { ...issued.record, rotatedFrom: old.id };
    const cutoff = Math.min(Date.parse(old.expiresAt), this.#now().getTime() + input.overlapMs);
    const retired = { ...old, rotatedTo: successor.id, expiresAt: new Date(cutoff).toISOString() };
    await this.#store.put([retired, successor]);
    this.#audit?.record('key.rotated', {
      key_id: old.id,
      new_key_id: successor.id,
      old_key_expires_at: retired.expiresAt,
      actor: input.actor,
    });
    return { key: issued.key, record: successor };
  }

  /** Revokes a key at once; the record stays for the audit trail. */
  async revoke(id: string, input: Actor & { reason?: string } = {}): Promise<KeyRecord> {
    const record = await this.#store.get(id);
    if (record === undefined) throw new ApiKeyError('LOOKOUT_KEY_NOT_FOUND', `No key ${id}`);
    const revoked = { ...record, revokedAt: record.revokedAt ?? this.#now().toISOString() };
    await this.#store.put([revoked]);
    this.#audit?.record('key.revoked', { key_id: id, reason: input.reason, actor: input.actor });
    return revoked;
  }

  /**
   * Checks a presented key. The HMAC is computed and compared in constant time before the
   * record's state is looked at, so someone who knows only a key's public id learns nothing
   * about whether it is revoked or expired.
   */
  async verify(presented: string | undefined): Promise<KeyVerdict> {
    if (presented === undefined || presented === '') return { ok: false, reason: 'missing' };
    const parsed = parseKey(presented);
    if ('problem' in parsed) return { ok: false, reason: parsed.problem };
    const digest = hashKey(presented, this.#secret);

    let record: KeyRecord | undefined;
    try {
      record = await this.#store.get(parsed.id);
    } catch {
      return { ok: false, reason: 'store_error', id: parsed.id };
    }
    if (record === undefined) return { ok: false, reason: 'unknown', id: parsed.id };
    if (!digestsEqual(digest, record.hash)) return { ok: false, reason: 'mismatch', id: parsed.id };
    return this.#stateVerdict(record);
  }

  #stateVerdict(record: KeyRecord): KeyVerdict {
    const status = keyStatus(record, this.#now());
    if (status === 'revoked') return { ok: false, reason: 'revoked', id: record.id };
    if (status === 'expired') {
      const reason = record.rotatedTo === undefined ? 'expired' : 'rotated';
      return { ok: false, reason, id: record.id };
    }
    return { ok: true, record };
  }

  async #active(id: string): Promise<KeyRecord> {
    const record = await this.#store.get(id);
    if (record === undefined) throw new ApiKeyError('LOOKOUT_KEY_NOT_FOUND', `No key ${id}`);
    const status = keyStatus(record, this.#now());
    if (status !== 'active') {
      throw new ApiKeyError('LOOKOUT_KEY_INACTIVE', `Key ${id} is ${status} and cannot be rotated`);
    }
    return record;
  }

  #issue(name: string, scopes: readonly string[], ttlMs: number): IssuedKey {
    const { id, key } = generateKey();
    const now = this.#now();
    const record: KeyRecord = {
      id,
      name,
      scopes: [...new Set(scopes)].sort(),
      hash: hashKey(key, this.#secret),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    };
    return { key, record };
  }
}
