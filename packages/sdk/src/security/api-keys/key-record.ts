import { z } from 'zod';

/**
 * What the store keeps about one key. The key itself is never stored; `hash` is its HMAC.
 * Times are ISO-8601 strings so the record survives JSON unchanged.
 */
export const keyRecordSchema = z.strictObject({
  id: z.string().regex(/^[0-9A-Za-z]{11}$/),
  name: z.string().min(1).max(200),
  scopes: z.array(z.string().min(1).max(100)).max(100),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().optional(),
  /** The key this one replaced, when it was created by a rotation. */
  rotatedFrom: z.string().optional(),
  /** The key that replaced this one; this one stops working at `expiresAt`. */
  rotatedTo: z.string().optional(),
});

export type KeyRecord = z.infer<typeof keyRecordSchema>;

/** A key's state at a moment, for listings. */
export type KeyStatus = 'active' | 'rotating' | 'expired' | 'revoked';

/** The state of `record` at `now`. */
export function keyStatus(record: KeyRecord, now: Date): KeyStatus {
  if (record.revokedAt !== undefined) return 'revoked';
  if (Date.parse(record.expiresAt) <= now.getTime()) return 'expired';
  return record.rotatedTo === undefined ? 'active' : 'rotating';
}
