import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSecurityEnv } from '../../src/security/config/parse-security-env.ts';
import { SECURITY_SETTINGS } from '../../src/security/config/security-settings.ts';

const TEMPLATE = readFileSync(
  new URL('../../../../.env.production.example', import.meta.url),
  'utf8',
);

/** Active `NAME=value` lines of the template. */
function activeLines(): Record<string, string> {
  const entries = TEMPLATE.split('\n')
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

describe('.env.production.example', () => {
  it('documents every security setting with its default', () => {
    for (const [name, setting] of Object.entries(SECURITY_SETTINGS)) {
      expect(TEMPLATE, name).toMatch(new RegExp(`^#? ?${name}(_FILE)?=`, 'm'));
      expect(TEMPLATE, name).toContain(setting.doc);
    }
  });

  it('gives secrets only as _FILE paths and its recommended values validate', () => {
    const active = activeLines();
    const secrets = Object.entries(SECURITY_SETTINGS).filter(([, s]) => 'secret' in s && s.secret);
    for (const [name] of secrets) expect(active, name).not.toHaveProperty(name);

    const plain = Object.fromEntries(
      Object.entries(active).filter(([name]) => !name.endsWith('_FILE')),
    );
    expect(() => parseSecurityEnv(plain)).not.toThrow();
  });
});
