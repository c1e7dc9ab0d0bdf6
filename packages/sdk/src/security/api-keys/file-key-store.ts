import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { type KeyRecord, keyRecordSchema } from './key-record.ts';
import type { KeyStore } from './key-store.ts';
import type { RecordCipher } from './record-cipher.ts';

const FORMAT = 'lookout-key-store';
const CONTEXT = `${FORMAT}:v1`;
const LOCK_WAIT_MS = 5000;
/** A lock older than this was left by a crashed writer; writers hold it for milliseconds. */
const STALE_LOCK_MS = 30_000;

const documentSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  data: z.string(),
});

export interface FileKeyStoreOptions {
  readonly path: string;
  readonly cipher: RecordCipher;
  /** How often `get` checks the file for changes made by another process, milliseconds. */
  readonly refreshMs: number;
  /** Told about a failed re-read; the store keeps serving the last good copy. */
  readonly onError?: (error: unknown) => void;
}

/**
 * A key store in one file, encrypted whole with AES-256-GCM: nothing about the keys (ids,
 * names, scopes, hashes, dates) is readable without the store key. Writes go to a temporary
 * file (mode 0600) renamed over the old one under a lock file, so a reader never sees half a
 * store and two CLI runs cannot lose each other's changes. Servers re-read the file when it
 * changes, checked at most every `refreshMs`, so a revocation made by the CLI takes effect
 * without a restart.
 */
export class FileKeyStore implements KeyStore {
  readonly #options: FileKeyStoreOptions;
  #records = new Map<string, KeyRecord>();
  #version = '';
  #checkedAt = 0;
  #refreshing: Promise<void> | undefined;

  constructor(options: FileKeyStoreOptions) {
    this.#options = options;
  }

  /** Reads the file once; throws when it exists but cannot be decrypted or parsed. */
  async open(): Promise<this> {
    await this.#reload();
    return this;
  }

  async get(id: string): Promise<KeyRecord | undefined> {
    await this.#refreshIfDue();
    return this.#records.get(id);
  }

  async list(): Promise<KeyRecord[]> {
    await this.#reload();
    return [...this.#records.values()];
  }

  async put(records: readonly KeyRecord[]): Promise<void> {
    await this.#withLock(async () => {
      await this.#reload();
      const next = new Map(this.#records);
      for (const record of records) next.set(record.id, keyRecordSchema.parse(record));
      await this.#write([...next.values()]);
      this.#records = next;
    });
  }

  async close(): Promise<void> {
    this.#records.clear();
  }

  async #refreshIfDue(): Promise<void> {
    if (Date.now() - this.#checkedAt < this.#options.refreshMs) return;
    this.#refreshing ??= this.#reload()
      .catch((error: unknown) => this.#options.onError?.(error))
      .finally(() => {
        this.#refreshing = undefined;
      });
    await this.#refreshing;
  }

  /** Re-reads the file when its identity, size or mtime changed since the last read. */
  async #reload(): Promise<void> {
    this.#checkedAt = Date.now();
    const version = await fileVersion(this.#options.path);
    if (version === this.#version) return;
    const records = version === '' ? [] : await this.#read();
    this.#records = new Map(records.map((record) => [record.id, record]));
    this.#version = version;
  }

  async #read(): Promise<KeyRecord[]> {
    const text = await readFile(this.#options.path, 'utf8');
    const document = documentSchema.parse(JSON.parse(text));
    const plaintext = this.#options.cipher.decrypt(document.data, CONTEXT);
    return z.array(keyRecordSchema).parse(JSON.parse(plaintext));
  }

  async #write(records: KeyRecord[]): Promise<void> {
    const data = this.#options.cipher.encrypt(JSON.stringify(records), CONTEXT);
    const document = JSON.stringify({ format: FORMAT, version: 1, data });
    const temp = `${this.#options.path}.${randomBytes(6).toString('hex')}.tmp`;
    await mkdir(dirname(this.#options.path), { recursive: true, mode: 0o700 });
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(document);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.#options.path);
  }

  async #withLock<T>(work: () => Promise<T>): Promise<T> {
    const lock = `${this.#options.path}.lock`;
    await mkdir(dirname(lock), { recursive: true, mode: 0o700 });
    await acquire(lock);
    try {
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  }
}

async function acquire(lock: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await (await open(lock, 'wx', 0o600)).close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const age = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > STALE_LOCK_MS) await rm(lock, { force: true });
    else if (Date.now() > deadline)
      throw new Error(`Key store is locked by another writer: ${lock}`);
    else await sleep(20);
  }
}

/** Identity of the file's current content; '' when the file does not exist. */
async function fileVersion(path: string): Promise<string> {
  try {
    const s = await stat(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
