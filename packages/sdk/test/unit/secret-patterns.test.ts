import { describe, expect, it } from 'vitest';
import { scrubText } from '../../src/redaction/secret-patterns.ts';

/** Random alphanumerics, so no token-shaped literal sits in the repository for scanners. */
function random(
  length: number,
  alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
) {
  return Array.from(
    { length },
    (_, i) => alphabet[(i * 7919 + length * 31) % alphabet.length],
  ).join('');
}

describe('scrubText shapes', () => {
  it.each([
    ['GitHub', `ghp_${random(36)}`],
    ['GitHub fine-grained', `github_pat_${random(22)}_${random(59)}`],
    ['GitLab', `glpat-${random(20)}`],
    ['Slack', `xoxb-${random(12, '0123456789')}-${random(24)}`],
    ['Stripe', `sk_live_${random(24)}`],
    ['AWS access key id', `AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`],
    ['Google API key', `AIza${random(35)}`],
    ['npm', `npm_${random(36)}`],
    ['OpenAI', `sk-proj-${random(40)}`],
    ['SendGrid', `SG.${random(22)}.${random(43)}`],
    ['Lookout', `lko_${random(11)}_${random(39)}`],
  ])('removes a %s token wherever it stands', (_vendor, token) => {
    expect(scrubText(`context ${token}; more`)).toBe('context [REDACTED]; more');
  });

  it('removes a private key block', () => {
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${random(64)}\n-----END RSA PRIVATE KEY-----`;
    expect(scrubText(`key: ${pem}`)).not.toContain(random(64));
  });

  it('keeps the scheme of a credential and the user and host of a URL', () => {
    expect(scrubText(`Authorization: Basic ${Buffer.from('a:b9').toString('base64')}`)).toContain(
      'Basic [REDACTED]',
    );
    expect(scrubText('dial redis://app:hunter2x@cache:6379/0')).toBe(
      'dial redis://app:[REDACTED]@cache:6379/0',
    );
  });

  it('removes quoted values of sensitive names whole, spaces included', () => {
    expect(scrubText('{"user":"ada","password":"correct horse battery"}')).toBe(
      '{"user":"ada","password":"[REDACTED]"}',
    );
    expect(scrubText("passwd='two words'")).toBe("passwd='[REDACTED]'");
  });

  it('looks inside percent-encoded query values', () => {
    const next = encodeURIComponent('https://svc:pw-in-url-77@partner.example/cb');
    const scrubbed = scrubText(`/login?next=${next}&card=4111+1111+1111+1111&page=2`);
    expect(scrubbed).not.toContain('pw-in-url-77');
    expect(scrubbed).not.toContain('4111+1111');
    expect(scrubbed).toContain('page=2');
  });

  it('treats configured extra keys as sensitive names', () => {
    expect(scrubText('ssn=123-45-6789 name=ada', { extraKeys: ['SSN'] })).toBe(
      'ssn=[REDACTED] name=ada',
    );
  });

  it('uses the marker it is given', () => {
    expect(scrubText('token=abcdef', { marker: '[Filtered]' })).toBe('token=[Filtered]');
  });

  it('leaves prose about credentials alone', () => {
    for (const text of [
      'Basic authentication failed',
      'Bearer token missing',
      'token expired',
      'order 1234567890123',
    ]) {
      expect(scrubText(text)).toBe(text);
    }
  });
});
