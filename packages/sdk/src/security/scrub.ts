import { isSensitiveKey } from '../redaction/sensitive-keys.ts';
import { KEY_SCAN_PATTERN } from './api-keys/key-format.ts';

export const FILTERED = '[Filtered]';

/** Nesting followed before a subtree is replaced whole; Sentry events are far shallower. */
const MAX_DEPTH = 24;

/**
 * Secrets recognisable by their shape, wherever they appear in free text (an error message, a
 * logged URL, a breadcrumb): Lookout keys, bearer and basic credentials, JWTs, passwords in URLs.
 */
const VALUE_PATTERNS: readonly [RegExp, string][] = [
  [new RegExp(KEY_SCAN_PATTERN, 'g'), FILTERED],
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${FILTERED}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, FILTERED],
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, `$1${FILTERED}@`],
];
/** `name=value` or `name: value` in text; the value goes when the name is a sensitive key. */
const NAMED_VALUE = /\b([A-Za-z][\w.-]{0,40})("?\s*[=:]\s*)("?)([^\s&,;"']+)/g;
/** 13 to 19 digits, optionally grouped by spaces or dashes, as card numbers are written. */
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;

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

/** Scrubs credentials, named secrets and Luhn-valid card numbers out of free text. */
export function scrubText(text: string, extraKeys: readonly string[] = []): string {
  let result = text;
  for (const [pattern, replacement] of VALUE_PATTERNS)
    result = result.replace(pattern, replacement);
  result = result.replace(NAMED_VALUE, (match, name: string, sep: string, quote: string) =>
    isSensitiveKey(name, extraKeys) ? `${name}${sep}${quote}${FILTERED}` : match,
  );
  return result.replace(CARD_LIKE, (match) => (luhnValid(match) ? FILTERED : match));
}

/** The Luhn check digit test that every payment card number passes. */
function luhnValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
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
