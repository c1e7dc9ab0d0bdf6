import { isSensitiveKey, REDACTED } from './sensitive-keys.ts';

/** How `scrubText` replaces what it finds. */
export interface ScrubOptions {
  /** What a secret becomes; `[REDACTED]` by default (Sentry's convention is `[Filtered]`). */
  readonly marker?: string;
  /** Names treated as sensitive in `name=value` text, beside the built-in key list. */
  readonly extraKeys?: readonly string[];
}

/**
 * A secret recognisable by its shape wherever it appears, whatever key it sits under. With
 * `keepPrefix`, the first capture group stays (`Bearer `, `https://user:`) so a reader still
 * sees what kind of credential was removed.
 */
interface Shape {
  readonly pattern: RegExp;
  readonly keepPrefix?: boolean;
}

// Scheme credentials: a pure word after the scheme ("Basic authentication") is prose, so the
// token must hold a digit or a base64 symbol, or be too long to be a word.
const SCHEME_TOKEN = '(?=[A-Za-z0-9._~+/-]*[0-9._~+/=-]|[A-Za-z]{16})[A-Za-z0-9._~+/-]{6,}=*';

/**
 * The shapes scrubbed from every string the SDK emits: log text, span attributes and events,
 * Sentry events. Vendor token formats follow each vendor's published prefix, so a scanner and
 * this list agree on what a leaked credential looks like.
 */
const SHAPES: readonly Shape[] = [
  {
    pattern:
      /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----|[A-Za-z0-9+/=\s]*)/g,
  },
  {
    pattern: new RegExp(`\\b(Bearer\\s+|Basic\\s+|Token\\s+)${SCHEME_TOKEN}`, 'gi'),
    keepPrefix: true,
  },
  // Lookout API keys (`KEY_SCAN_PATTERN` in security/api-keys/key-format.ts), and anything else
  // carrying their prefix: a mistyped or truncated key is still most of a secret.
  { pattern: /\blko_[A-Za-z0-9_]{16,}/g },
  // GitHub classic and fine-grained tokens, GitLab personal access tokens.
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[\w-]{20,})/g },
  // Slack (xoxb-, xoxp-...), Stripe secret, restricted and webhook keys, npm tokens.
  { pattern: /\b(?:xox[abposre]-[A-Za-z0-9-]{10,}|[rs]k_(?:live|test)_[A-Za-z0-9]{16,})/g },
  { pattern: /\b(?:whsec_[A-Za-z0-9]{24,}|npm_[A-Za-z0-9]{36})/g },
  // AWS access key ids, Google API keys and OAuth access tokens, SendGrid keys.
  { pattern: /\b(?:(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b|AIza[\w-]{35}|ya29\.[\w-]{20,})/g },
  { pattern: /\bSG\.[\w-]{16,}\.[\w-]{16,}/g },
  // OpenAI and Anthropic style keys.
  { pattern: /\bsk-(?:proj-|ant-)?[\w-]{32,}/g },
  // JSON Web Tokens: base64url header starting `{"`, claims, and a (possibly empty) signature.
  { pattern: /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g },
  // Credentials in URLs: scheme://user:password@host keeps the user, loses the password.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s/@]+@/gi, keepPrefix: true },
];

/**
 * `name=value`, `name: value` and `"name": "value"`; the value goes when the name is a
 * sensitive key. A quoted value is taken to its closing quote, so a password with spaces goes
 * whole; an unquoted one keeps its scheme (`Authorization: Basic [REDACTED]`).
 */
const NAMED_VALUE =
  /\b([A-Za-z][\w.-]{0,40})("?\s*[=:]\s*)(?:"([^"]*)"|'([^']*)'|((?:Bearer|Basic|Token|Digest)\s+)?([^\s&,;"']+))/gi;
/** One query parameter; its value is looked at decoded, as the receiving server reads it. */
const QUERY_PARAM = /([?&;][^=&\s#?"']{1,64}=)([^&\s#"']*)/g;
/** 13 to 19 digits, optionally grouped by spaces or dashes, as card numbers are written. */
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;

/**
 * Replaces every secret found inside `text`: credentials by shape, values of sensitive names,
 * the same inside percent-encoded query values, and card numbers that pass the Luhn check.
 * Text without any is returned unchanged (the same string).
 */
export function scrubText(text: string, options: ScrubOptions = {}): string {
  // Nothing shorter can hold a secret the patterns recognise (`pwd=x` is five characters).
  if (text.length < 5) return text;
  const marker = options.marker ?? REDACTED;
  const extraKeys = options.extraKeys ?? [];
  const plain = scrubPlain(text, marker, extraKeys);
  if (!/[%+]/.test(plain)) return plain;
  return plain.replace(QUERY_PARAM, (match, name: string, value: string) => {
    const decoded = decodeQueryValue(value);
    if (decoded === undefined || decoded === value) return match;
    const scrubbed = scrubPlain(decoded, marker, extraKeys);
    return scrubbed === decoded ? match : `${name}${encodeURIComponent(scrubbed)}`;
  });
}

function scrubPlain(text: string, marker: string, extraKeys: readonly string[]): string {
  let result = text;
  for (const { pattern, keepPrefix } of SHAPES) {
    result = result.replace(pattern, (match, prefix: unknown) =>
      keepPrefix && typeof prefix === 'string' ? `${prefix}${marker}${tail(match)}` : marker,
    );
  }
  result = result.replace(NAMED_VALUE, (match, name: string, separator: string, ...groups) => {
    if (!isSensitiveKey(name, extraKeys)) return match;
    const [doubleQuoted, singleQuoted, scheme = ''] = groups as (string | undefined)[];
    const quote = doubleQuoted !== undefined ? '"' : singleQuoted !== undefined ? "'" : '';
    return `${name}${separator}${quote}${scheme}${marker}${quote}`;
  });
  return result.replace(CARD_LIKE, (match) => (passesLuhn(match) ? marker : match));
}

/** The `@` that ends URL credentials is kept, so the host stays readable. */
function tail(match: string): string {
  return match.endsWith('@') ? '@' : '';
}

function decodeQueryValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** The check digit test every payment card number passes. */
export function passesLuhn(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
