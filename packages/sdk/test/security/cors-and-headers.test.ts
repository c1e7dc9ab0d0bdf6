import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LOOKOUT_METRICS } from '../../src/metrics/names.ts';
import { disabledAuditLog } from '../../src/security/audit/audit-log.ts';
import { parseSecurityEnv } from '../../src/security/config/parse-security-env.ts';
import { CorsConfigError, corsPolicy } from '../../src/security/cors-policy.ts';
import { hardenApp } from '../../src/security/security-headers.ts';
import { auditEvents } from './support/audit-records.ts';
import { listen } from './support/listen.ts';
import { buildSecureApp, EXPRESS_VERSIONS } from './support/secure-app.ts';
import { securityFixture } from './support/security-env.ts';
import { tempDir } from './support/temp-dir.ts';

const ALLOWED = 'https://app.example.com';
const EVIL = 'https://evil.example.net';

describe.each(EXPRESS_VERSIONS)('CORS and headers on %s', (_name, createApp) => {
  async function setup(env: Record<string, string> = {}) {
    const dir = tempDir();
    const fixture = securityFixture(dir, {
      LOOKOUT_CORS_ORIGINS: ALLOWED,
      LOOKOUT_CORS_CREDENTIALS: 'true',
      ...env,
    });
    const secure = await buildSecureApp(createApp, fixture.config);
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

  it('echoes an allowed origin with credentials and Vary: Origin', async () => {
    await using t = await setup();

    const response = await fetch(`${t.url}/public`, { headers: { origin: ALLOWED } });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives a refused origin no CORS headers, counts and audits it once per origin', async () => {
    await using t = await setup();

    const first = await fetch(`${t.url}/public`, { headers: { origin: EVIL } });
    await fetch(`${t.url}/public`, { headers: { origin: EVIL } });

    const corsHeaders = [...first.headers.keys()].filter((name) =>
      name.startsWith('access-control-'),
    );
    expect(corsHeaders).toEqual([]);
    expect(first.headers.get('vary')).toMatch(/Origin/);
    expect(await t.registry.getSingleMetricAsString(LOOKOUT_METRICS.corsRejections)).toContain(
      'lookout_cors_rejections_total 2',
    );
    expect(auditEvents(t.fixture.auditPath, 'cors.refused')).toMatchObject([
      { origin: EVIL, method: 'GET' },
    ]);
  });

  it('answers an allowed preflight with 204 and the approved methods and headers', async () => {
    await using t = await setup();

    const response = await fetch(`${t.url}/orders`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(t.handled.count).toBe(0);
  });

  it('refuses a preflight from another origin with 403 and no CORS headers', async () => {
    await using t = await setup();

    const response = await fetch(`${t.url}/orders`, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'DELETE' },
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('treats the literal origin "null" as refused', async () => {
    await using t = await setup();

    const response = await fetch(`${t.url}/public`, { headers: { origin: 'null' } });

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the strict JSON-API headers and no X-Powered-By', async () => {
    await using t = await setup();

    const response = await fetch(`${t.url}/public`);

    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends the security headers on refusals too', async () => {
    await using t = await setup();

    const response = await fetch(`${t.url}/orders`);

    expect(response.status).toBe(401);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('unsafe configuration', () => {
  it('refuses origin * with credentials at startup, in the environment and in code', () => {
    const env = { LOOKOUT_CORS_ORIGINS: '*', LOOKOUT_CORS_CREDENTIALS: 'true' };
    expect(() => parseSecurityEnv(env)).toThrow(/LOOKOUT_CORS_CREDENTIALS/);

    const config = { ...parseSecurityEnv({ LOOKOUT_CORS_ORIGINS: '*' }).cors, credentials: true };
    expect(() => corsPolicy(config, { registry: new Registry(), audit: disabledAuditLog })).toThrow(
      CorsConfigError,
    );
  });

  it('never sets trust proxy to true, only a whole hop count', () => {
    const settings = new Map<string, unknown>();
    const app = {
      set: (k: string, v: unknown) => settings.set(k, v),
      disable: (k: string) => settings.set(k, false),
    };

    hardenApp(app, 2);
    expect(settings.get('trust proxy')).toBe(2);
    hardenApp(app, 0);
    expect(settings.get('trust proxy')).toBe(false);
    expect(() => hardenApp(app, Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => parseSecurityEnv({ LOOKOUT_TRUST_PROXY_HOPS: 'true' })).toThrow(
      /LOOKOUT_TRUST_PROXY_HOPS/,
    );
  });
});
