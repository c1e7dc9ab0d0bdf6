import { isRedisUrl } from '../config/parse-security-env.ts';
import type { ApiKeysConfig } from '../config/security-config.ts';
import { FileKeyStore } from './file-key-store.ts';
import type { KeyStore } from './key-store.ts';
import { RecordCipher } from './record-cipher.ts';
import { type RedisHashClient, RedisKeyStore } from './redis-key-store.ts';

export interface OpenKeyStoreDeps {
  /** An already connected node-redis client to use instead of opening one from the URL. */
  readonly redis?: RedisHashClient;
  /** Told about background failures (a file store that cannot be re-read). */
  readonly onError?: (error: unknown) => void;
}

/**
 * Opens the store named by `LOOKOUT_KEY_STORE`: a `redis://` or `rediss://` URL selects Redis,
 * anything else is a file path. Throws when the store is not configured, cannot be reached, or
 * holds data that does not decrypt under the configured key.
 */
export async function openKeyStore(config: ApiKeysConfig, deps: OpenKeyStoreDeps = {}) {
  if (config.store === undefined || config.storeEncryptionKey === undefined) {
    throw new TypeError('LOOKOUT_KEY_STORE and LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE must be set');
  }
  const cipher = new RecordCipher(config.storeEncryptionKey);
  const location = config.store.reveal();
  if (!isRedisUrl(location)) {
    const options = { path: location, cipher, refreshMs: config.refreshMs, onError: deps.onError };
    return new FileKeyStore(options).open();
  }

  if (deps.redis !== undefined) return new RedisKeyStore({ client: deps.redis, cipher });
  // Loaded on demand: node-redis is large, and file-store users never need it.
  const { createClient } = await import('redis');
  const client = createClient({ url: location });
  // node-redis reconnects by itself; without a listener an error event would crash the process.
  client.on('error', (error: unknown) => deps.onError?.(error));
  await client.connect();
  return new RedisKeyStore({ client, cipher, closeClient: () => client.close() }) as KeyStore;
}
