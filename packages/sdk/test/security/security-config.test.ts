import { writeFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LookoutConfigError } from '../../src/config/config-error.ts';
import { LOOKOUT_METRICS } from '../../src/metrics/names.ts';
import {
  parseSecurityEnv,
  securityConfigSchema,
} from '../../src/security/config/parse-security-env.ts';
import { SECURITY_SETTINGS } from '../../src/security/config/security-settings.ts';
import { exposeFeatureFlags, resolveFeatureFlags } from '../../src/security/feature-flags.ts';
import { tempDir } from './support/temp-dir.ts';

const API_SECRET = 'an-api-key-secret-that-is-long-enough-0123456789';

function issuesOf(env: Record<string, string>) {
  try {
    parseSecurityEnv(env);
  } catch (error) {
    if (error instanceof LookoutConfigError) return error;
    throw error;
  }
  throw new Error('expected a LookoutConfigError');
}

describe('security configuration', () => {
  it('defaults to deny-all CORS, no trusted proxy, audit on stderr and no API keys', () => {
    const config = parseSecurityEnv({});

    expect(config.cors.origins).toEqual([]);
    expect(config.trustProxyHops).toBe(0);
    expect(config.audit).toMatchObject({
      enabled: true,
      destination: 'stderr',
      authSuccess: 'throttled',
    });
    expect(config.apiKeys.store).toBeUndefined();
    expect(config.rateLimit.groups).toEqual({ default: { limit: 300, windowMs: 60_000 } });
    expect(config.sentry.dsn).toBeUndefined();
    expect(Object.isFrozen(config.cors.origins)).toBe(true);
  });

  it('parses budgets, origins, flags and units from the environment', () => {
    const config = parseSecurityEnv({
      LOOKOUT_CORS_ORIGINS: 'https://a.example.com, http://localhost:3000',
      LOOKOUT_RATE_LIMIT_GROUPS: 'login=10/1m,export=2/1h',
      LOOKOUT_RATE_LIMIT_AUTH_FAILURES: '5/30s',
      LOOKOUT_FEATURE_FLAGS: 'newCheckout,legacyExport=off',
      LOOKOUT_TRUST_PROXY_HOPS: '2',
    });

    expect(config.cors.origins).toEqual(['https://a.example.com', 'http://localhost:3000']);
    expect(config.rateLimit.groups).toEqual({
      default: { limit: 300, windowMs: 60_000 },
      login: { limit: 10, windowMs: 60_000 },
      export: { limit: 2, windowMs: 3_600_000 },
    });
    expect(config.rateLimit.authFailures).toEqual({ limit: 5, windowMs: 30_000 });
    expect(config.featureFlags).toEqual({ newCheckout: true, legacyExport: false });
    expect(config.trustProxyHops).toBe(2);
  });

  it('lists every invalid setting at once with the variable to fix', () => {
    const error = issuesOf({
      LOOKOUT_CORS_ORIGINS: 'https://ok.example.com/path',
      LOOKOUT_RATE_LIMIT_GROUPS: 'default=lots',
      LOOKOUT_TRUST_PROXY_HOPS: 'true',
      LOOKOUT_HEADERS_TIMEOUT_MS: '20000',
      LOOKOUT_REQUEST_TIMEOUT_MS: '10000',
      LOOKOUT_KEY_STORE: '/var/lib/keys.json',
    });

    expect(error.code).toBe('LOOKOUT_CONFIG_INVALID');
    expect(error.issues.map((issue) => issue.source).sort()).toEqual([
      'LOOKOUT_API_KEY_SECRET',
      'LOOKOUT_CORS_ORIGINS',
      'LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE',
      'LOOKOUT_RATE_LIMIT_GROUPS',
      'LOOKOUT_REQUEST_TIMEOUT_MS',
      'LOOKOUT_TRUST_PROXY_HOPS',
    ]);
  });

  it('reads secrets from *_FILE and never shows them in errors, JSON or inspect output', () => {
    using dir = tempDir();
    writeFileSync(dir.file('secret'), `${API_SECRET}\n`);
    writeFileSync(dir.file('key'), `${'ab'.repeat(32)}\n`);

    const config = parseSecurityEnv({
      LOOKOUT_API_KEY_SECRET_FILE: dir.file('secret'),
      LOOKOUT_KEY_STORE: 'redis://:redis-password@127.0.0.1:6379',
      LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE: dir.file('key'),
      SENTRY_DSN: 'https://public@o1.ingest.example.io/2',
    });

    expect(config.apiKeys.secret?.reveal()).toBe(API_SECRET);
    for (const text of [
      JSON.stringify(config),
      inspect(config, { depth: 10 }),
      String(config.apiKeys.secret),
    ]) {
      expect(text).not.toContain(API_SECRET);
      expect(text).not.toContain('redis-password');
      expect(text).not.toContain('ab'.repeat(32));
      expect(text).toContain('[secret]');
    }
  });

  it('refuses a secret given twice, a short secret and a missing secret file, without echoing it', () => {
    const twice = issuesOf({
      LOOKOUT_API_KEY_SECRET: API_SECRET,
      LOOKOUT_API_KEY_SECRET_FILE: '/x',
    });
    const short = issuesOf({ LOOKOUT_API_KEY_SECRET: 'too-short-secret' });
    const missing = issuesOf({ LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE: '/nonexistent/key' });

    expect(twice.message).toMatch(/both LOOKOUT_API_KEY_SECRET and LOOKOUT_API_KEY_SECRET_FILE/);
    expect(short.message).toContain('LOOKOUT_API_KEY_SECRET');
    expect(short.message).not.toContain('too-short-secret');
    expect(missing.message).toMatch(/LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE.*ENOENT/);
  });

  it('exposes one zod schema covering every setting', () => {
    const parsed = securityConfigSchema.parse({
      LOOKOUT_TRUST_PROXY_HOPS: '1',
      LOOKOUT_CORS_ORIGINS: '*',
    });

    expect(Object.keys(securityConfigSchema.shape).sort()).toEqual(
      Object.keys(SECURITY_SETTINGS).sort(),
    );
    expect(parsed).toMatchObject({ LOOKOUT_TRUST_PROXY_HOPS: 1, LOOKOUT_CORS_ORIGINS: ['*'] });
  });
});

describe('feature flags', () => {
  const declared = { newCheckout: false, fastSearch: true } as const;

  it('resolves declared flags from the environment and publishes them as a gauge', async () => {
    const registry = new Registry();
    const flags = resolveFeatureFlags(
      declared,
      parseSecurityEnv({ LOOKOUT_FEATURE_FLAGS: 'newCheckout=on' }).featureFlags,
    );

    const active = exposeFeatureFlags(flags, registry);

    expect(flags).toEqual({ newCheckout: true, fastSearch: true });
    expect(active).toEqual({ enabled: ['fastSearch', 'newCheckout'], disabled: [] });
    const text = await registry.getSingleMetricAsString(LOOKOUT_METRICS.featureFlag);
    expect(text).toContain('lookout_feature_flag_enabled{flag="newCheckout"} 1');
    expect(text).toContain('lookout_feature_flag_enabled{flag="fastSearch"} 1');
  });

  it('refuses a flag the service did not declare', () => {
    expect(() => resolveFeatureFlags(declared, { newChekout: true })).toThrow(
      /undeclared flag "newChekout"/,
    );
  });
});
