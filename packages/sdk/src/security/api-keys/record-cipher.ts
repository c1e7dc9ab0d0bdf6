import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secret } from '../secret.ts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for key-store contents. Each call draws a fresh 96-bit IV; the output is
 * base64 of `iv | tag | ciphertext`. `context` is bound as additional authenticated data, so a
 * ciphertext moved to another place in the store (another key's slot) fails to decrypt instead
 * of being read as that key's record.
 */
export class RecordCipher {
  readonly #key: Buffer;

  constructor(key: Secret) {
    this.#key = Buffer.from(key.reveal(), 'hex');
    if (this.#key.length !== 32) throw new TypeError('The key-store key must be 32 bytes');
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** Throws when the data was altered, moved or encrypted under another key. */
  decrypt(encoded: string, context: string): string {
    const data = Buffer.from(encoded, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const body = data.subarray(IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
