import { startRedis } from '@lookout/testkit';
import { describe, expect, it } from 'vitest';
import { LOOKOUT_METRICS } from '../../src/metrics/names.ts';
import { parseSecurityEnv } from '../../src/security/config/parse-security-env.ts';
import { connectRateLimitRedis } from '../../src/security/rate-limit-redis.ts';
import { auditEvents } from './support/audit-records.ts';
import { listen } from './support/listen.ts';
import { buildSecureApp, EXPRESS_VERSIONS, type ExpressApp } from './support/secure-app.ts';
import { securityFixture } from './support/security-env.ts';
import { tempDir } from './support/temp-dir.ts';

const DAY = 86_400_000;
const [[, express5]] = EXPRESS_VERSIONS;

async function setup(
  env: Record<string, string>,
  createApp: () => ExpressApp = express5,
  redis?: { sendCommand(args: string[]): Promise<unknown> },
) {
  const dir = tempDir();
  const fixture = securityFixture(dir, env);
  const secure = await buildSecureApp(createApp, fixture.config, { redis });
  const server = await listen(secure.app);
  return {
    ...secure,
    fixture,
    url: server.url,
    [Symbol.asyncDispose]: async () => {
      await server[Symbol.asyncDispose]();
      await secure[Symbol.asyncDispose]();
      dir[Symbol.dispose]();
    },
  };
}

async function statuses(count: number, request: () => Promise<Response>): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await request()).status);
  return result;
}

describe.each(EXPRESS_VERSIONS)('rate limiting on %s', (_name, createApp) => {
  it('answers 429 problem+json with Retry-After and draft-8 RateLimit headers', async () => {
    await using t = await setup(
      { LOOKOUT_RATE_LIMIT_GROUPS: 'default=3/1m,login=2/1m' },
      createApp,
    );

    const first = await fetch(`${t.url}/public`);
    await fetch(`${t.url}/public`);
    await fetch(`${t.url}/public`);
    const refused = await fetch(`${t.url}/public`);

    expect(first.headers.get('ratelimit')).toMatch(/^"default"; r=2; t=\d+$/);
    expect(first.headers.get('ratelimit-policy')).toMatch(/^"default"; q=3; w=60; pk=:/);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit')).toMatch(/^"default"; r=0; t=\d+$/);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(t.handled.count).toBe(3);
  });
});

describe('rate limiting', () => {
  it('keeps a separate budget per route group and counts refusals by group', async () => {
    await using t = await setup({ LOOKOUT_RATE_LIMIT_GROUPS: 'default=5/1m,login=2/1m' });

    const login = await statuses(3, () => fetch(`${t.url}/login-like`));
    const other = await statuses(2, () => fetch(`${t.url}/public`));

    expect(login).toEqual([200, 200, 429]);
    expect(other).toEqual([200, 200]);
    const metric = await t.registry.getSingleMetricAsString(LOOKOUT_METRICS.rateLimitHits);
    expect(metric).toContain('lookout_rate_limit_hits_total{group="login"} 1');
    expect(metric).not.toContain('group="default"');
  });

  it('audits the first refusal of a window only, with the client and no query string', async () => {
    await using t = await setup({ LOOKOUT_RATE_LIMIT_GROUPS: 'default=1/1m,login=1/1m' });

    await statuses(4, () => fetch(`${t.url}/public?token=abc`));

    const audited = auditEvents(t.fixture.auditPath, 'rate_limit.exceeded');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ group: 'default', client: 'ip:127.0.0.1', path: '/public' });
  });

  it('counts an authenticated client by its key, not by its address', async () => {
    await using t = await setup({ LOOKOUT_RATE_LIMIT_GROUPS: 'default=2/1m,login=2/1m' });
    const a = await t.manager.create({ name: 'a', scopes: ['orders:read'], ttlMs: DAY });
    const b = await t.manager.create({ name: 'b', scopes: ['orders:read'], ttlMs: DAY });
    const as = (key: string) => () =>
      fetch(`${t.url}/orders`, { headers: { authorization: `Bearer ${key}` } });

    expect(await statuses(3, as(a.key))).toEqual([200, 200, 429]);
    expect(await statuses(2, as(b.key))).toEqual([200, 200]);
    expect(await statuses(2, () => fetch(`${t.url}/public`))).toEqual([200, 200]);
  });

  it('groups IPv6 clients by /56 subnet', async () => {
    await using t = await setup({
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=2/1m,login=2/1m',
      LOOKOUT_TRUST_PROXY_HOPS: '1',
      LOOKOUT_RATE_LIMIT_IPV6_SUBNET: '56',
    });
    const from = (address: string) => () =>
      fetch(`${t.url}/public`, { headers: { 'x-forwarded-for': address } });

    const sameSubnet = [
      await from('2001:db8:1:1::1')(),
      await from('2001:db8:1:2::2')(),
      await from('2001:db8:1:ff:abcd::9')(),
    ].map((r) => r.status);
    const nextSubnet = (await from('2001:db8:1:100::1')()).status;

    expect(sameSubnet).toEqual([200, 200, 429]);
    expect(nextSubnet).toBe(200);
  });

  it('cannot be bypassed by rotating X-Forwarded-For behind one proxy', async () => {
    await using t = await setup({
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=3/1m,login=3/1m',
      LOOKOUT_TRUST_PROXY_HOPS: '1',
    });
    // The client writes any addresses it likes; the proxy appends the one it saw (203.0.113.7).
    const spoofed = (i: number) => () =>
      fetch(`${t.url}/public`, {
        headers: { 'x-forwarded-for': `10.0.${i}.1, 198.51.100.${i}, 203.0.113.7` },
      });

    const results: number[] = [];
    for (let i = 0; i < 6; i += 1) results.push((await spoofed(i)()).status);

    expect(results).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('ignores X-Forwarded-For entirely when no proxy is trusted', async () => {
    await using t = await setup({
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=2/1m,login=2/1m',
      LOOKOUT_TRUST_PROXY_HOPS: '0',
    });

    const results: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${t.url}/public`, {
        headers: { 'x-forwarded-for': `192.0.2.${i}` },
      });
      results.push(response.status);
    }

    expect(results).toEqual([200, 200, 429]);
  });

  it('blocks an address after repeated failed API keys, then even a valid key from it', async () => {
    await using t = await setup({ LOOKOUT_RATE_LIMIT_AUTH_FAILURES: '3/15m' });
    const valid = await t.manager.create({ name: 'a', scopes: ['orders:read'], ttlMs: DAY });
    const attempt = (key: string) => () =>
      fetch(`${t.url}/orders`, { headers: { authorization: `Bearer ${key}` } });

    expect(await statuses(2, attempt(valid.key))).toEqual([200, 200]);
    expect(await statuses(3, attempt('lko_guess'))).toEqual([401, 401, 401]);
    const blocked = await attempt('lko_guess')();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(blocked.headers.get('ratelimit')).toBeNull();
    expect((await attempt(valid.key)()).status).toBe(429);
    const metric = await t.registry.getSingleMetricAsString(LOOKOUT_METRICS.rateLimitHits);
    expect(metric).toContain('group="auth-failures"} 2');
  });

  it('shares one budget between two application instances through Redis', async () => {
    await using redis = await startRedis();
    const env = {
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=4/1m,login=4/1m',
      LOOKOUT_RATE_LIMIT_REDIS_URL: redis.url,
    };
    const config = parseSecurityEnv(env).rateLimit;
    const [senderOne, senderTwo] = await Promise.all([
      connectRateLimitRedis(config),
      connectRateLimitRedis(config),
    ]);
    try {
      await using one = await setup(env, express5, senderOne);
      await using two = await setup(env, express5, senderTwo);

      const results: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        results.push((await fetch(`${i % 2 === 0 ? one.url : two.url}/public`)).status);
      }

      expect(results).toEqual([200, 200, 200, 200, 429, 429]);
      const keys = await senderOne?.sendCommand(['KEYS', 'lookout:rl:default:*']);
      expect(keys).toHaveLength(1);
    } finally {
      await Promise.all([senderOne?.close(), senderTwo?.close()]);
    }
  });
});
