import fc from 'fast-check';

/**
 * Hostile inputs for the HTTP surface, as fast-check arbitraries. Each mixes hand-picked cases
 * (what attackers and broken clients really send) with generated ones around them.
 */

const HEX = [...'0123456789abcdef'];
const NEAR_HEX = [...HEX, ...'ABCDEFxyz-. '];

/** Header values travel as bytes; CR and LF would end the header line and start another. */
const headerText = (text: string) => text.replace(/[\r\n]/g, ' ');

/** Any string as the UTF-8 bytes a client could put in a header (lone surrogates included). */
export const headerBytes = (maxLength: number) =>
  fc.string({ unit: 'binary', maxLength }).map((text) => Buffer.from(headerText(text), 'utf8'));

const hexOf = (length: number, alphabet = HEX) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });

/** `traceparent` values: wrong versions, lengths, ids and flags, extra fields, plain junk. */
export const traceparent: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom(
    '00-00000000000000000000000000000000-0000000000000000-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    '00--00f067aa0ba902b7-01',
    `00-${'a'.repeat(4000)}-00f067aa0ba902b7-01`,
    '',
    '-',
  ),
  fc
    .tuple(
      hexOf(2, NEAR_HEX),
      fc.nat({ max: 40 }).chain((n) => hexOf(n, NEAR_HEX)),
      fc.nat({ max: 20 }).chain((n) => hexOf(n, NEAR_HEX)),
      hexOf(2, NEAR_HEX),
    )
    .map((parts) => parts.join('-')),
  fc.string({ maxLength: 200 }).map(headerText),
  headerBytes(120),
);

/** `tracestate` and `baggage` members: odd keys, bad percent-encoding, properties, floods. */
const member = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('=', '==', ''),
    fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%FF')),
    fc.constantFrom('', ';prop', ';p=1;q', ';;;', ';=x'),
  )
  .map((parts) => headerText(parts.join('')));

export const baggage: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.array(member, { maxLength: 30 }).map((members) => members.join(',')),
  fc.constantFrom(
    'k=v,'.repeat(1500),
    `${'k'.repeat(9000)}=v`,
    ',,,',
    '=',
    ';',
    'k=v;'.repeat(500),
  ),
  headerBytes(200),
);

/**
 * Header blocks around the size limit: one huge header, or many ordinary ones adding up to it.
 * Given as counts, so a failing case prints short; `floodHeaders` builds the headers.
 */
export const headerFlood = fc.oneof(
  fc.record({ count: fc.constant(1), size: fc.integer({ min: 1, max: 64 * 1024 }) }),
  fc.record({ count: fc.integer({ min: 1, max: 600 }), size: fc.constant(60) }),
);

export function floodHeaders({ count, size }: { count: number; size: number }) {
  return Array.from({ length: count }, (_, i) => [`x-fuzz-${i}`, 'v'.repeat(size)] as const);
}

/** Text that is not the JSON a route expects: broken, deep, huge, tricky or just bytes. */
export const badJsonBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .json()
    .chain((json) => fc.nat({ max: Math.max(0, json.length - 1) }).map((n) => json.slice(0, n))),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
  fc
    .tuple(fc.integer({ min: 20, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
    .map(([depth, open, closed]) => {
      const close = open === '[' ? ']' : '}';
      return `${open.repeat(depth)}1${closed ? close.repeat(depth) : ''}`;
    }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(
    '{"__proto__":{"isAdmin":true},"quantity":1}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"\\u005f_proto__":{"x":1}}',
    '{"quantity":1,"quantity":2}',
    '{"quantity":1e309,"orderId":"\\ud800"}',
    '\ufeff{"quantity":1}',
    '{"quantity":"1"}',
    `{"pad":"${'x'.repeat(200_000)}"}`,
    'null',
    '[]',
    '',
  ),
);

/** Content types a JSON route should refuse, or accept only when they really mean JSON. */
export const contentType: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom(
    'application/json; charset=latin1',
    'application/json; charset=utf-16le',
    'application/json;;;charset=',
    'application/json, text/plain',
    'APPLICATION/JSON',
    'application/json; charset="utf-8"',
    'application/merge-patch+json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----x',
    'text/plain',
    'text/html',
    '*/*',
    '',
  ),
  fc.string({ maxLength: 80 }).map(headerText),
  headerBytes(60),
);

/** What attackers type into ids, names and search boxes. */
export const INJECTIONS = [
  "' OR '1'='1' --",
  '1; DROP TABLE orders',
  '{"$ne":null}',
  '{"$where":"sleep(1000)"}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the Log4Shell lookup, sent as text
  '${jndi:ldap://127.0.0.1:1/a}',
  '{{7*7}}',
  '%00',
  '\u0000',
  '\r\nSet-Cookie: x=1',
  '\u202egnp.exe',
  'a\u200bb\u200dc\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𝕠𝕣𝕕𝕖𝕣',
  'ＫＢ－１０１',
  'K\u0301B-101',
  '🦄'.repeat(200),
  'A'.repeat(10_000),
] as const;

/** Injection strings and generated Unicode, odd code points and lone surrogates included. */
export const hostileText = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/**
 * A path segment or query value as sent: percent-encoded UTF-8 (lone surrogates become U+FFFD,
 * as a browser would send them), or raw encodings no decoder accepts.
 */
export const hostileComponent = fc.oneof(
  hostileText.map((text) => percentEncode(text)),
  fc.constantFrom('%', '%zz', '%ED%A0%80', '%C0%AF', '%FF%FE', '%2e%2e', '%2e%2e%2f%2e%2e', '..'),
);

function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}
