import { scrubText as scrubSecrets } from '../redaction/secret-patterns.ts';
import { isSensitiveKey } from '../redaction/sensitive-keys.ts';

export const FILTERED = '[Filtered]';

/** Nesting followed before a subtree is replaced whole; Sentry events are far shallower. */
const MAX_DEPTH = 24;

/**
 * Removes secrets from any JSON-like value, returning a scrubbed copy: values under a sensitive
 * key (the shared list plus `extraKeys`, matched as the log redaction matches them) become
 * `[Filtered]`, and strings lose anything shaped like a credential or a card number.
 */
export function scrubValue(value: unknown, extraKeys: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, extraKeys);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return FILTERED;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, extraKeys, depth + 1));

  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = isSensitiveKey(key, extraKeys) ? FILTERED : scrubValue(child, extraKeys, depth + 1);
  }
  return copy;
}

/**
 * Scrubs credentials, named secrets and Luhn-valid card numbers out of free text, with the
 * same shapes as the logs and spans (see `redaction/secret-patterns.ts`) and Sentry's marker.
 */
export function scrubText(text: string, extraKeys: readonly string[] = []): string {
  return scrubSecrets(text, { marker: FILTERED, extraKeys });
}

/** Scrubs a query string (`a=1&token=x`) key by key, keeping the rest readable. */
export function scrubQueryString(query: string, extraKeys: readonly string[] = []): string {
  const params = new URLSearchParams(query);
  const scrubbed = new URLSearchParams();
  for (const [key, value] of params) {
    scrubbed.append(key, isSensitiveKey(key, extraKeys) ? FILTERED : scrubText(value, extraKeys));
  }
  return scrubbed.toString();
}
