import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key layout: `lko_<id>_<secret><checksum>`, all base62 after the prefix.
 * - `lko_` makes a leaked key recognisable to secret scanners and to people.
 * - `id` (11 characters, 64 random bits) is public: it names the key in lists, logs and audit
 *   records and is how the store finds the record.
 * - `secret` (33 characters, 192 random bits from the CSPRNG) is what makes the key a secret.
 * - `checksum` (6 characters) is the CRC32 of everything before it, so a scanner can tell a real
 *   key from a look-alike without asking us, and a typo is rejected before any lookup.
 */
export const KEY_PREFIX = 'lko_';
const ID_BYTES = 8;
const SECRET_BYTES = 24;
const ID_CHARS = 11;
const SECRET_CHARS = 33;
const CHECKSUM_CHARS = 6;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = new RegExp(
  `^${KEY_PREFIX}([0-9A-Za-z]{${ID_CHARS}})_([0-9A-Za-z]{${SECRET_CHARS}})([0-9A-Za-z]{${CHECKSUM_CHARS}})$`,
);

/** The regular expression secret scanners use for Lookout keys (no anchors, no checksum check). */
export const KEY_SCAN_PATTERN = `${KEY_PREFIX}[0-9A-Za-z]{${ID_CHARS}}_[0-9A-Za-z]{${SECRET_CHARS + CHECKSUM_CHARS}}`;

/** A freshly generated key and its public id. */
export interface GeneratedKey {
  readonly id: string;
  readonly key: string;
}

/** Generates a new key from the CSPRNG. */
export function generateKey(): GeneratedKey {
  const id = base62(randomBytes(ID_BYTES), ID_CHARS);
  const body = `${KEY_PREFIX}${id}_${base62(randomBytes(SECRET_BYTES), SECRET_CHARS)}`;
  return { id, key: `${body}${checksum(body)}` };
}

/** Why a presented key was refused before any lookup. */
export type KeyShapeProblem = 'malformed' | 'checksum';

/** Splits a presented key, checking its shape and checksum. */
export function parseKey(key: string): { id: string } | { problem: KeyShapeProblem } {
  const match = KEY_PATTERN.exec(key);
  if (match === null) return { problem: 'malformed' };
  const body = key.slice(0, key.length - CHECKSUM_CHARS);
  if (checksum(body) !== match[3]) return { problem: 'checksum' };
  return { id: match[1] ?? '' };
}

function checksum(body: string): string {
  return base62(uint32Bytes(crc32(body)), CHECKSUM_CHARS);
}

function uint32Bytes(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

/** Base62 of `bytes` as a big-endian number, left-padded with `0` to `width` characters. */
function base62(bytes: Buffer, width: number): string {
  let value = BigInt(`0x${bytes.toString('hex') || '0'}`);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text.padStart(width, '0');
}
