import { describe, expect, it } from 'vitest';
import { LOOKOUT_METRICS } from '../../src/metrics/names.ts';
import { auditEvents } from './support/audit-records.ts';
import { listen } from './support/listen.ts';
import { buildSecureApp, EXPRESS_VERSIONS } from './support/secure-app.ts';
import { securityFixture } from './support/security-env.ts';
import { tempDir } from './support/temp-dir.ts';

const DAY = 86_400_000;

async function counter(registry: { getSingleMetricAsString(name: string): Promise<string> }) {
  return registry.getSingleMetricAsString(LOOKOUT_METRICS.authAttempts);
}

describe.each(EXPRESS_VERSIONS)('API-key authentication on %s', (_name, createApp) => {
  async function setup(now?: () => Date) {
    const dir = tempDir();
    const fixture = securityFixture(dir);
    const secure = await buildSecureApp(createApp, fixture.config, { now });
    const server = await listen(secure.app);
    const get = (headers: Record<string, string> = {}) =>
      fetch(`${server.url}/orders`, { headers });
    return {
      ...secure,
      fixture,
      server,
      get,
      [Symbol.asyncDispose]: async () => {
        await server[Symbol.asyncDispose]();
        await secure[Symbol.asyncDispose]();
        dir[Symbol.dispose]();
      },
    };
  }

  it('admits a valid key with the needed scope and names the key', async () => {
    await using t = await setup();
    const { key, record } = await t.manager.create({
      name: 'ci',
      scopes: ['orders:read'],
      ttlMs: DAY,
    });

    const bearer = await t.get({ authorization: `Bearer ${key}` });
    const header = await t.get({ 'x-api-key': key });

    expect(bearer.status).toBe(200);
    expect(await bearer.json()).toEqual({ key: record.id });
    expect(header.status).toBe(200);
    expect(await counter(t.registry)).toContain(`result="success",reason="valid"} 2`);
  });

  it('answers 401 problem+json with a challenge when the key is missing', async () => {
    await using t = await setup();

    const response = await t.get();

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(t.handled.count).toBe(0);
  });

  it.each([
    ['a malformed key', () => 'lko_short', 'malformed'],
    ['another auth scheme', () => 'Basic dXNlcjpwYXNz', 'malformed'],
  ])('refuses %s as malformed', async (_case, presented, reason) => {
    await using t = await setup();
    const value = presented();
    const response = await t.get({
      authorization: value.startsWith('Basic') ? value : `Bearer ${value}`,
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await counter(t.registry)).toContain(`result="failure",reason="${reason}"} 1`);
  });

  it('refuses a key whose checksum does not match before any lookup', async () => {
    await using t = await setup();
    const { key } = await t.manager.create({ name: 'ci', scopes: ['orders:read'], ttlMs: DAY });
    const last = key.at(-1) === 'a' ? 'b' : 'a';

    const response = await t.get({ authorization: `Bearer ${key.slice(0, -1)}${last}` });

    expect(response.status).toBe(401);
    expect(await counter(t.registry)).toContain('reason="checksum"} 1');
  });

  it('refuses a well-formed key with a known id but a different secret', async () => {
    await using t = await setup();
    const { key, record } = await t.manager.create({
      name: 'ci',
      scopes: ['orders:read'],
      ttlMs: DAY,
    });
    const forged = await forgeWithSameId(key);

    const response = await t.get({ authorization: `Bearer ${forged}` });

    expect(response.status).toBe(401);
    expect(await counter(t.registry)).toContain('reason="mismatch"} 1');
    const failure = auditEvents(t.fixture.auditPath, 'auth.failure').at(-1);
    expect(failure).toMatchObject({ reason: 'mismatch', key_id: record.id, path: '/orders' });
  });

  it('refuses a valid-looking key that was never issued', async () => {
    await using t = await setup();
    const { key } = await otherStoreKey();

    const response = await t.get({ authorization: `Bearer ${key}` });

    expect(response.status).toBe(401);
    expect(await counter(t.registry)).toContain('reason="unknown"} 1');
  });

  it('refuses an expired key', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    await using t = await setup(() => now);
    const { key } = await t.manager.create({ name: 'ci', scopes: ['orders:read'], ttlMs: DAY });
    now = new Date(now.getTime() + DAY + 1);

    const response = await t.get({ authorization: `Bearer ${key}` });

    expect(response.status).toBe(401);
    expect(await counter(t.registry)).toContain('reason="expired"} 1');
  });

  it('refuses a revoked key on the next request', async () => {
    await using t = await setup();
    const { key, record } = await t.manager.create({
      name: 'ci',
      scopes: ['orders:read'],
      ttlMs: DAY,
    });
    expect((await t.get({ authorization: `Bearer ${key}` })).status).toBe(200);

    await t.manager.revoke(record.id, { reason: 'leaked', actor: 'test' });
    const response = await t.get({ authorization: `Bearer ${key}` });

    expect(response.status).toBe(401);
    expect(await counter(t.registry)).toContain('reason="revoked"} 1');
    expect(auditEvents(t.fixture.auditPath, 'key.revoked')).toMatchObject([
      { key_id: record.id, reason: 'leaked' },
    ]);
  });

  it('keeps a rotated key working during the overlap and refuses it afterwards', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    await using t = await setup(() => now);
    const old = await t.manager.create({ name: 'ci', scopes: ['orders:read'], ttlMs: 30 * DAY });
    const successor = await t.manager.rotate(old.record.id, { overlapMs: 3_600_000 });

    const during = await t.get({ authorization: `Bearer ${old.key}` });
    now = new Date(now.getTime() + 3_600_001);
    const after = await t.get({ authorization: `Bearer ${old.key}` });
    const fresh = await t.get({ authorization: `Bearer ${successor.key}` });

    expect([during.status, after.status, fresh.status]).toEqual([200, 401, 200]);
    expect(await counter(t.registry)).toContain('reason="rotated"} 1');
    expect(successor.record).toMatchObject({ scopes: ['orders:read'], rotatedFrom: old.record.id });
  });

  it('answers 403 naming the missing scope when the key lacks it', async () => {
    await using t = await setup();
    const { key } = await t.manager.create({ name: 'reader', scopes: ['orders:read'], ttlMs: DAY });

    const response = await fetch(`${t.server.url}/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ item: 'book', quantity: 1 }),
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status: 403, missing_scopes: ['orders:write'] });
    expect(await counter(t.registry)).toContain('reason="scope"} 1');
    expect(t.handled.count).toBe(0);
  });

  it('never tells the client why a key was refused', async () => {
    await using t = await setup();
    const { key, record } = await t.manager.create({
      name: 'ci',
      scopes: ['orders:read'],
      ttlMs: DAY,
    });
    await t.manager.revoke(record.id);
    const unknown = await otherStoreKey();

    const revoked = await (await t.get({ authorization: `Bearer ${key}` })).json();
    const notIssued = await (await t.get({ authorization: `Bearer ${unknown.key}` })).json();

    const { trace_id: _a, ...a } = revoked as Record<string, unknown>;
    const { trace_id: _b, ...b } = notIssued as Record<string, unknown>;
    expect(a).toEqual(b);
  });

  it('audits failures without the presented key', async () => {
    await using t = await setup();
    const { key } = await otherStoreKey();

    await t.get({ authorization: `Bearer ${key}` });

    const text = JSON.stringify(auditEvents(t.fixture.auditPath, 'auth.failure'));
    expect(text).toContain('"reason":"unknown"');
    expect(text).not.toContain(key.slice(16));
  });
});

/** A key issued by an unrelated store: valid format and checksum, unknown id here. */
async function otherStoreKey() {
  const { generateKey } = await import('../../src/security/api-keys/key-format.ts');
  return generateKey();
}

/** A key with the same public id as `key`, a fresh secret and a correct checksum. */
async function forgeWithSameId(key: string): Promise<string> {
  const { generateKey } = await import('../../src/security/api-keys/key-format.ts');
  const other = generateKey().key;
  const id = key.slice(4, 15);
  const body = `lko_${id}_${other.slice(16, 49)}`;
  const { crc32 } = await import('node:zlib');
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(body) >>> 0);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let text = '';
  while (value > 0n) {
    text = alphabet[Number(value % 62n)] + text;
    value /= 62n;
  }
  return `${body}${text.padStart(6, '0')}`;
}
