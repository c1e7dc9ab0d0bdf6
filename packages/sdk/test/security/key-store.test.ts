import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { startRedis } from '@lookout/testkit';
import express from 'express';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { ApiKeyManager } from '../../src/security/api-keys/api-key-manager.ts';
import { FileKeyStore } from '../../src/security/api-keys/file-key-store.ts';
import { openKeyStore } from '../../src/security/api-keys/open-key-store.ts';
import { RecordCipher } from '../../src/security/api-keys/record-cipher.ts';
import { RedisKeyStore } from '../../src/security/api-keys/redis-key-store.ts';
import { Secret } from '../../src/security/secret.ts';
import { listen } from './support/listen.ts';
import { buildSecureApp, type ExpressApp } from './support/secure-app.ts';
import { securityFixture } from './support/security-env.ts';
import { tempDir } from './support/temp-dir.ts';

const DAY = 86_400_000;
const SECRET = new Secret('s'.repeat(48));
const cipherKey = () => new Secret(Buffer.alloc(32, 7).toString('hex'));

describe('file key store', () => {
  it('keeps no key material and no readable metadata on disk', async () => {
    using dir = tempDir();
    const store = await new FileKeyStore({
      path: dir.file('keys.json'),
      cipher: new RecordCipher(cipherKey()),
      refreshMs: 1000,
    }).open();
    const manager = new ApiKeyManager({ store, secret: SECRET });

    const { key, record } = await manager.create({
      name: 'billing-export',
      scopes: ['invoices:read'],
      ttlMs: DAY,
    });

    const onDisk = readFileSync(dir.file('keys.json'), 'utf8');
    for (const needle of [
      key,
      key.slice(16, 49),
      record.id,
      record.hash,
      'billing-export',
      'invoices:read',
    ]) {
      expect(onDisk).not.toContain(needle);
    }
    expect(JSON.parse(onDisk)).toEqual({
      format: 'lookout-key-store',
      version: 1,
      data: expect.any(String),
    });
    expect(statSync(dir.file('keys.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir.path)).toEqual(['keys.json']);
  });

  it('refuses a store whose ciphertext was altered', async () => {
    using dir = tempDir();
    const path = dir.file('keys.json');
    const options = { path, cipher: new RecordCipher(cipherKey()), refreshMs: 1000 };
    const manager = new ApiKeyManager({
      store: await new FileKeyStore(options).open(),
      secret: SECRET,
    });
    await manager.create({ name: 'a', scopes: [], ttlMs: DAY });
    const document = JSON.parse(readFileSync(path, 'utf8'));
    const bytes = Buffer.from(document.data, 'base64');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    writeFileSync(path, JSON.stringify({ ...document, data: bytes.toString('base64') }));

    await expect(new FileKeyStore(options).open()).rejects.toThrow(/auth/i);
  });

  it('refuses to open with another encryption key', async () => {
    using dir = tempDir();
    const path = dir.file('keys.json');
    const store = await new FileKeyStore({
      path,
      cipher: new RecordCipher(cipherKey()),
      refreshMs: 1000,
    }).open();
    await new ApiKeyManager({ store, secret: SECRET }).create({
      name: 'a',
      scopes: [],
      ttlMs: DAY,
    });
    const otherKey = new Secret(Buffer.alloc(32, 9).toString('hex'));

    await expect(
      new FileKeyStore({ path, cipher: new RecordCipher(otherKey), refreshMs: 1000 }).open(),
    ).rejects.toThrow();
  });

  it('makes a revocation written by another process reach a running server', async () => {
    using dir = tempDir();
    const fixture = securityFixture(dir);
    await using secure = await buildSecureApp(
      express as unknown as () => ExpressApp,
      fixture.config,
    );
    await using server = await listen(secure.app);
    const { key, record } = await secure.manager.create({
      name: 'ci',
      scopes: ['orders:read'],
      ttlMs: DAY,
    });
    const headers = { authorization: `Bearer ${key}` };
    expect((await fetch(`${server.url}/orders`, { headers })).status).toBe(200);

    // A separate store instance, as the CLI would open it.
    const cliStore = await openKeyStore(fixture.config.apiKeys);
    const secret = fixture.config.apiKeys.secret ?? SECRET;
    await new ApiKeyManager({ store: cliStore, secret }).revoke(record.id);
    await cliStore.close();

    expect(await statusWithin(`${server.url}/orders`, headers, 401, 5000)).toBe(401);
  });
});

describe('Redis key store', () => {
  it('stores only ciphertext and refuses a record moved to another key id', async () => {
    await using redis = await startRedis();
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const store = new RedisKeyStore({ client, cipher: new RecordCipher(cipherKey()) });
      const manager = new ApiKeyManager({ store, secret: SECRET });
      const a = await manager.create({ name: 'reporting', scopes: ['reports:read'], ttlMs: DAY });
      const b = await manager.create({ name: 'other', scopes: [], ttlMs: DAY });

      const raw = await client.hGetAll('lookout:api-keys');
      const dump = JSON.stringify(raw);
      for (const needle of [a.key, a.record.hash, 'reporting', 'reports:read'])
        expect(dump).not.toContain(needle);
      expect((await manager.verify(a.key)).ok).toBe(true);

      await client.hSet('lookout:api-keys', { [b.record.id]: String(raw[a.record.id]) });
      await expect(store.get(b.record.id)).rejects.toThrow();
    } finally {
      await client.close();
    }
  });

  it('shares keys and revocations between two replicas at once', async () => {
    await using redis = await startRedis();
    const open = () => createClient({ url: redis.url }).connect();
    const [one, two] = await Promise.all([open(), open()]);
    try {
      const replica = (client: typeof one) =>
        new ApiKeyManager({
          store: new RedisKeyStore({ client, cipher: new RecordCipher(cipherKey()) }),
          secret: SECRET,
        });
      const { key, record } = await replica(one).create({ name: 'ci', scopes: [], ttlMs: DAY });

      expect((await replica(two).verify(key)).ok).toBe(true);
      await replica(one).revoke(record.id);
      expect(await replica(two).verify(key)).toMatchObject({ ok: false, reason: 'revoked' });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

/** Polls until `url` answers `status` or `timeoutMs` passes; returns the last status seen. */
async function statusWithin(
  url: string,
  headers: Record<string, string>,
  status: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await fetch(url, { headers })).status;
    if (last === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last;
}
