import { describe, expect, it } from 'vitest';
import { generateKey } from '../../src/security/api-keys/key-format.ts';
import { scrubQueryString, scrubText, scrubValue } from '../../src/security/scrub.ts';

describe('secret scrubbing', () => {
  it('removes credentials recognisable by their shape from free text', () => {
    const { key } = generateKey();
    const text = [
      `key ${key}`,
      'Authorization: Bearer abcdefgh12345678',
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature-x',
      'postgres://app:pa55word@db:5432/app',
      'password=hunter2&user=bob',
      '"api_key": "k-123-456"',
    ].join('\n');

    const scrubbed = scrubText(text);

    for (const secret of [
      key,
      'abcdefgh12345678',
      'eyJzdWIiOiIxIn0',
      'pa55word',
      'hunter2',
      'k-123-456',
    ]) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('user=bob');
  });

  it('removes card numbers that pass the Luhn check and keeps other long numbers', () => {
    expect(scrubText('card 4111-1111-1111-1111 order 4111111111111112')).toBe(
      'card [Filtered] order 4111111111111112',
    );
    expect(scrubText('trace 0af7651916cd43dd8448eb211c80319c')).toBe(
      'trace 0af7651916cd43dd8448eb211c80319c',
    );
  });

  it('filters sensitive keys at any depth and in query strings', () => {
    const value = {
      user: { name: 'bob', Password: 'x', nested: [{ 'X-API-Key': 'y', ok: 1 }] },
      secretSauce: 'fine',
    };

    expect(scrubValue(value)).toEqual({
      user: { name: 'bob', Password: '[Filtered]', nested: [{ 'X-API-Key': '[Filtered]', ok: 1 }] },
      secretSauce: 'fine',
    });
    expect(scrubQueryString('page=2&access_token=abc&q=x')).toBe(
      'page=2&access_token=%5BFiltered%5D&q=x',
    );
  });
});
