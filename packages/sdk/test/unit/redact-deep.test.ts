import { describe, expect, it } from 'vitest';
import { redactDeep } from '../../src/redaction/redact-deep.ts';
import { scrubText } from '../../src/redaction/secret-patterns.ts';

describe('redactDeep', () => {
  it('redacts every spelling of the built-in secret keys at any depth and inside arrays', () => {
    const input = {
      user: 'ada',
      Authorization: 'Bearer abc',
      headers: { cookie: 'sid=1', 'Set-Cookie': ['a=b'], 'x-api-key': 'k' },
      nested: [{ deeper: { password: 'p', apiKey: 'k2', API_KEY: 'k3', client_secret: 's' } }],
      tokens: [{ refresh_token: 'r' }],
    };
    expect(redactDeep(input)).toEqual({
      user: 'ada',
      Authorization: '[REDACTED]',
      headers: { cookie: '[REDACTED]', 'Set-Cookie': '[REDACTED]', 'x-api-key': '[REDACTED]' },
      nested: [
        {
          deeper: {
            password: '[REDACTED]',
            apiKey: '[REDACTED]',
            API_KEY: '[REDACTED]',
            client_secret: '[REDACTED]',
          },
        },
      ],
      tokens: [{ refresh_token: '[REDACTED]' }],
    });
  });

  it('redacts extra keys given by configuration', () => {
    expect(redactDeep({ ssn: '123', name: 'x' }, ['SSN'])).toEqual({
      ssn: '[REDACTED]',
      name: 'x',
    });
  });

  it('leaves the caller’s object untouched and returns it as is when nothing is secret', () => {
    const clean = { a: 1, b: { c: [1, 2] } };
    expect(redactDeep(clean)).toBe(clean);
    const dirty = { a: { token: 't' } };
    redactDeep(dirty);
    expect(dirty.a.token).toBe('t');
  });

  it('survives cycles and very deep nesting', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(redactDeep(cyclic)).toMatchObject({ name: 'loop', self: '[Circular]' });
    let deep: Record<string, unknown> = { password: 'p' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(JSON.stringify(redactDeep(deep))).not.toContain('"p"');
  });
});

describe('scrubText', () => {
  it('removes tokens, URL credentials, query secrets and card numbers from free text', () => {
    const text = [
      'auth Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl',
      'db postgres://app:s3cr3t@db:5432/x',
      'url /login?user=ada&password=hunter2',
      'card 4111 1111 1111 1111',
      'key lko_9f8e7d6c5b4a39281706f5e4d3c2b1a0_abc123',
    ].join(' | ');
    const scrubbed = scrubText(text);
    for (const secret of ['eyJzdWIi', 's3cr3t', 'hunter2', '4111 1111 1111 1111', 'lko_9f8e']) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('user=ada');
  });

  it('keeps ordinary numbers such as order ids that fail the card checksum', () => {
    expect(scrubText('order 1234567890123')).toBe('order 1234567890123');
  });
});
