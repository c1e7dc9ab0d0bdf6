/**
 * Keys whose values are secrets wherever they appear: in log records at any depth, in span and
 * log attributes, in request headers. The sidecar's redaction processor is generated from this
 * same list, so a secret the SDK would hide cannot leave the host through another path.
 *
 * Matching is case-insensitive and ignores `-`, `_` and `.`, so `apiKey`, `api-key`, `API_KEY`
 * and `x-api-key` all match `apikey`.
 */
export const SENSITIVE_KEYS: readonly string[] = Object.freeze([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'password',
  'passwd',
  'pwd',
  'secret',
  'clientsecret',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'apikey',
  'xapikey',
  'privatekey',
  'sessionid',
  'creditcard',
  'cardnumber',
  'cvv',
]);

/** Folds a key to the form the list above uses: lower case without `-`, `_` or `.`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.]/g, '');
}

/** True when `key` names a secret, given the default list plus any `extra` keys. */
export function isSensitiveKey(key: string, extra: readonly string[] = []): boolean {
  const folded = normalizeKey(key);
  return SENSITIVE_KEYS.includes(folded) || extra.some((k) => normalizeKey(k) === folded);
}

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';
