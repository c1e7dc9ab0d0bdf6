import type { KeyRecord } from './key-record.ts';
import { keyRecordSchema } from './key-record.ts';
import type { KeyStore } from './key-store.ts';
import type { RecordCipher } from './record-cipher.ts';

const CONTEXT = 'lookout-key-store:v1';

/** The node-redis (v5/v6) commands this store uses; a connected `createClient()` fits. */
export interface RedisHashClient {
  hGet(key: string, field: string): Promise<unknown>;
  hGetAll(key: string): Promise<unknown>;
  hSet(key: string, fields: Record<string, string>): Promise<unknown>;
}

export interface RedisKeyStoreOptions {
  readonly client: RedisHashClient;
  readonly cipher: RecordCipher;
  /** Redis hash holding the records. */
  readonly hashKey?: string;
  /** Closes the client when the store closes; true when the store opened the connection. */
  readonly closeClient?: () => Promise<void>;
}

/**
 * A key store in one Redis hash: field = key id, value = the record encrypted with AES-256-GCM,
 * bound to its id. Every replica reads the same records, and each lookup goes to Redis, so a
 * revocation takes effect on the next request everywhere. Several records are written by one
 * HSET, which Redis applies atomically.
 */
export class RedisKeyStore implements KeyStore {
  readonly #client: RedisHashClient;
  readonly #cipher: RecordCipher;
  readonly #hashKey: string;
  readonly #closeClient: (() => Promise<void>) | undefined;

  constructor(options: RedisKeyStoreOptions) {
    this.#client = options.client;
    this.#cipher = options.cipher;
    this.#hashKey = options.hashKey ?? 'lookout:api-keys';
    this.#closeClient = options.closeClient;
  }

  async get(id: string): Promise<KeyRecord | undefined> {
    const value = await this.#client.hGet(this.#hashKey, id);
    return typeof value === 'string' ? this.#decode(id, value) : undefined;
  }

  async list(): Promise<KeyRecord[]> {
    const all = (await this.#client.hGetAll(this.#hashKey)) as Record<string, string> | null;
    return Object.entries(all ?? {}).map(([id, value]) => this.#decode(id, value));
  }

  async put(records: readonly KeyRecord[]): Promise<void> {
    const fields: Record<string, string> = {};
    for (const record of records) {
      const valid = keyRecordSchema.parse(record);
      fields[valid.id] = this.#cipher.encrypt(JSON.stringify(valid), `${CONTEXT}:${valid.id}`);
    }
    await this.#client.hSet(this.#hashKey, fields);
  }

  async close(): Promise<void> {
    await this.#closeClient?.();
  }

  /** Throws when the value was altered or copied from another key's field. */
  #decode(id: string, value: string): KeyRecord {
    const record = keyRecordSchema.parse(
      JSON.parse(this.#cipher.decrypt(value, `${CONTEXT}:${id}`)),
    );
    if (record.id !== id) throw new Error(`Key-store record ${id} carries another id`);
    return record;
  }
}
