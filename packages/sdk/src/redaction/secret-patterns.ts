import { REDACTED } from './sensitive-keys.ts';

/**
 * Secrets that show up inside free text (log messages, error messages, URLs) rather than under a
 * telling key. Each pattern keeps its prefix so a reader still sees what was removed.
 */
const PATTERNS: readonly [RegExp, string][] = [
  // Authorization header values: `Bearer abc`, `Basic abc`.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  // Lookout API keys and other prefixed tokens with long random bodies.
  [/\b(lko|ghp|gho|github_pat|xox[abpr]|sk_live|sk_test|rk_live)_[A-Za-z0-9_]{16,}\b/g, REDACTED],
  // JSON Web Tokens: three base64url parts, the first starting with `eyJ`.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, REDACTED],
  // Credentials in URLs: scheme://user:password@host.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${REDACTED}@`],
  // key=value pairs in query strings, form bodies and messages.
  [
    /\b(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret)=([^&\s"']+)/gi,
    `$1=${REDACTED}`,
  ],
];

/** Card-like numbers: 13 to 19 digits, optionally grouped by spaces or dashes. */
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;

/** Replaces secrets found inside `text`; text without any is returned unchanged. */
export function scrubText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result.replace(CARD_LIKE, (match) => (passesLuhn(match) ? REDACTED : match));
}

function passesLuhn(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
