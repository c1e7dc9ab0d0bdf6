import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Secret } from '../secret.ts';

/**
 * The only form in which a key is stored: HMAC-SHA-256 under a server secret, hex. A stolen store
 * alone does not let anyone test guesses offline, because the secret lives elsewhere (an
 * environment variable or a secret file), unlike a plain hash of the key.
 */
export function hashKey(key: string, secret: Secret): string {
  return createHmac('sha256', secret.reveal()).update(key).digest('hex');
}

/** Compares two hex digests in constant time; digests of different length never match. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
