import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDefault } from '../../scripts/config-docs/format-value.ts';
import { configDocOutputs } from '../../scripts/config-docs/outputs.ts';
import { ALL_SETTINGS, misplacedSettings } from '../../scripts/config-docs/sections.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { lookoutOptionsSchema } from '../../src/config/options.ts';
import { tempDir } from '../security/support/temp-dir.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const template = () => readFileSync(`${REPO_ROOT}.env.production.example`, 'utf8');

/** Valid stand-ins for the secret files the template points at. */
const SECRET_FILE_VALUES: Record<string, string> = {
  LOOKOUT_RATE_LIMIT_REDIS_URL_FILE: 'rediss://redis.internal:6380',
  LOOKOUT_API_KEY_SECRET_FILE: 'k'.repeat(48),
  LOOKOUT_KEY_STORE_FILE: 'rediss://redis.internal:6380/2',
  LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE: 'ab'.repeat(32),
  LOOKOUT_AUDIT_CHAIN_KEY_FILE: 'c'.repeat(48),
};

/** The template's active `NAME=value` lines. */
function activeLines(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line));
  return Object.fromEntries(
    lines.map((line) => [line.split('=', 1)[0], line.slice(line.indexOf('=') + 1)]),
  );
}

describe('generated configuration docs', () => {
  it.each(configDocOutputs().map((output) => [output.path, output.content]))(
    '%s equals a fresh generation (pnpm --filter @lookout/sdk generate:config-docs)',
    (path, content) => {
      expect(readFileSync(`${REPO_ROOT}${path}`, 'utf8')).toBe(content);
    },
  );

  it('places every setting in exactly one section', () => {
    expect(misplacedSettings()).toEqual([]);
    expect(misplacedSettings([{ title: 'x', intro: '', names: ['OTEL_SDK_DISABLED'] }])).toContain(
      'LOOKOUT_LOG_LEVEL',
    );
  });

  it('documents each default in a form that parses back to the default itself', () => {
    for (const [name, setting] of Object.entries(ALL_SETTINGS)) {
      const text = formatDefault(setting.default);
      // Blank reads as unset, which is the default by definition.
      if (text === undefined || text === '') continue;
      expect(setting.schema.parse(text), name).toEqual(setting.default);
    }
  });

  it('names only options that useLookout accepts', () => {
    const shape = lookoutOptionsSchema.shape;
    const options = Object.values(ALL_SETTINGS).flatMap((s) => (s.option ? [s.option] : []));
    expect(options.length).toBeGreaterThan(10);
    for (const option of options) {
      const [group = '', key = ''] = option.split('.');
      const groupSchema = shape[group as keyof typeof shape]?.unwrap();
      expect(groupSchema?.shape, option).toHaveProperty(key);
    }
  });
});

describe('.env.production.example', () => {
  it('gives secrets only as _FILE paths', () => {
    const active = activeLines(template());
    const secrets = Object.entries(ALL_SETTINGS).filter(([, setting]) => setting.secret);
    for (const [name] of secrets) expect(active, name).not.toHaveProperty(name);
    expect(Object.keys(active).filter((name) => name.endsWith('_FILE'))).toEqual(
      Object.keys(SECRET_FILE_VALUES),
    );
  });

  it('holds recommended values the SDK accepts, secret files included', () => {
    using dir = tempDir('lookout-env-example-');
    const env = activeLines(template());
    for (const [name, value] of Object.entries(SECRET_FILE_VALUES)) {
      env[name] = dir.file(name);
      writeFileSync(env[name], `${value}\n`);
    }

    const config = loadConfig({ env, cwd: dir.path });
    expect(config.security.trustProxyHops).toBe(1);
    expect(config.security.server.keepAliveTimeoutMs).toBe(65_000);
    expect(config.security.apiKeys.store?.reveal()).toBe(SECRET_FILE_VALUES.LOOKOUT_KEY_STORE_FILE);
  });
});
