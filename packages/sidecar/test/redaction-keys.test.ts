import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isSensitiveKey, SENSITIVE_KEYS } from '../../sdk/src/redaction/sensitive-keys.ts';
import { keyOfPattern, keyPattern, replaceRedactionBlock } from '../src/redaction-patterns.ts';
import { SIDECAR_CONFIG } from '../src/testing/index.ts';

interface RedactionConfig {
  processors: { redaction: { blocked_key_patterns: string[] } };
}

/** An RE2 pattern of keyPattern() as a JavaScript RegExp (no inline flags, no \A or \z). */
function toJsRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/^\(\?i\)/, '')
    .replace(/^\\A/, '^')
    .replace(/\\z$/, '$');
  return new RegExp(body, 'i');
}

/** Spellings of a folded key that the SDK treats as the same key. */
function spellings(key: string): string[] {
  const middle = Math.ceil(key.length / 2);
  return [
    key,
    key.toUpperCase(),
    `${key.slice(0, middle)}-${key.slice(middle)}`,
    `${key.slice(0, middle)}_${key.slice(middle).toUpperCase()}`,
    `${key.slice(0, middle)}.${key.slice(middle)}`,
  ];
}

describe('sidecar redaction keys', () => {
  it("cover exactly the SDK's sensitive-key list", async () => {
    const config = parse(await readFile(SIDECAR_CONFIG, 'utf8')) as RedactionConfig;
    const patterns = config.processors.redaction.blocked_key_patterns;

    expect(patterns.map(keyOfPattern).sort()).toEqual([...SENSITIVE_KEYS].sort());
  });

  it('are what the generator writes, so sync:redaction leaves the config unchanged', async () => {
    const text = await readFile(SIDECAR_CONFIG, 'utf8');

    expect(replaceRedactionBlock(text, SENSITIVE_KEYS)).toBe(text);
  });

  it('match every spelling of a key that the SDK redacts', () => {
    for (const key of SENSITIVE_KEYS) {
      const pattern = toJsRegExp(keyPattern(key));
      for (const spelling of spellings(key)) {
        expect(isSensitiveKey(spelling), spelling).toBe(true);
        expect(pattern.test(spelling), spelling).toBe(true);
      }
    }
  });

  it('match a sensitive key as the last segment of a namespaced attribute', () => {
    const matchesAny = (attribute: string) =>
      SENSITIVE_KEYS.some((key) => toJsRegExp(keyPattern(key)).test(attribute));

    expect(matchesAny('http.request.header.authorization')).toBe(true);
    expect(matchesAny('http.request.header.x-api-key')).toBe(true);
    expect(matchesAny('http.response.header.set-cookie')).toBe(true);
    expect(matchesAny('db.password')).toBe(true);
  });

  it('leave keys alone that merely contain a sensitive word', () => {
    const matchesAny = (attribute: string) =>
      SENSITIVE_KEYS.some((key) => toJsRegExp(keyPattern(key)).test(attribute));

    for (const attribute of ['user.id', 'tokens', 'password_policy', 'my_secret', 'cvv2']) {
      expect(isSensitiveKey(attribute), attribute).toBe(false);
      expect(matchesAny(attribute), attribute).toBe(false);
    }
  });

  it('refuses to build a pattern from a key that is not folded', () => {
    expect(() => keyPattern('api-key')).toThrow(/not folded/);
  });
});
