import { randomBytes, randomInt } from 'node:crypto';

/**
 * Fake secrets in the shapes real ones have, made fresh for every run. Nothing here is a
 * literal: a committed token-shaped string would trip the repository's own secret scan, and a
 * fresh value cannot be found in the output by accident (a fixture, a cached build).
 */

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `length` random characters of `alphabet`. */
export function randomText(length: number, alphabet = ALNUM): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function base64url(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A 16-digit Visa-like number that passes the Luhn check, grouped by spaces. */
function cardNumber(): string {
  const digits = [4, ...Array.from({ length: 14 }, () => randomInt(10))];
  let sum = 0;
  // Double every second digit counted from the check digit, which is appended below.
  for (let i = 0; i < digits.length; i += 1) {
    const fromRight = digits.length - i;
    let digit = digits[i] ?? 0;
    if (fromRight % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  const all = [...digits, (10 - (sum % 10)) % 10].join('');
  return all.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function jwt(): string {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const claims = Buffer.from(`{"sub":"u-${randomText(6)}","scope":"admin"}`).toString('base64url');
  return `${header}.${claims}.${base64url(32)}`;
}

/** Every kind of secret the corpus plants, each a fresh value. */
export function createSecretCorpus() {
  return {
    lookoutKey: `lko_${randomText(11)}_${randomText(39)}`,
    lookoutKeyInPath: `lko_${randomText(11)}_${randomText(39)}`,
    githubToken: `ghp_${randomText(36)}`,
    githubFineGrained: `github_pat_${randomText(22)}_${randomText(59)}`,
    gitlabToken: `glpat-${randomText(20)}`,
    slackToken: `xoxb-${randomText(12, '0123456789')}-${randomText(13, '0123456789')}-${randomText(24)}`,
    stripeKey: `sk_live_${randomText(32)}`,
    awsAccessKeyId: `AKIA${randomText(16, UPPER_ALNUM)}`,
    googleApiKey: `AIza${randomText(35)}`,
    npmToken: `npm_${randomText(36)}`,
    jwt: jwt(),
    jwtInPath: jwt(),
    bearerOpaque: randomText(40),
    accessTokenParam: randomText(32),
    passwordParam: `pw${randomText(18)}`,
    passwordInBody: `pw${randomText(18)}`,
    passwordInBrokenJson: `pw${randomText(18)}`,
    passwordInText: `pw${randomText(18)}`,
    basicAuthPassword: `pw${randomText(18)}`,
    redirectUrlPassword: `pw${randomText(18)}`,
    upstreamUrlPassword: `pw${randomText(18)}`,
    sessionCookie: randomText(32),
    setCookieValue: randomText(32),
    cardInQuery: cardNumber(),
    cardInBody: cardNumber(),
    cardInHeader: cardNumber(),
    wrongAdminToken: randomText(32),
    adminToken: randomText(40),
    otlpHeaderToken: randomText(32),
    otlpUrlPassword: `pw${randomText(18)}`,
    auditChainKey: randomText(48),
  };
}

export type SecretCorpus = ReturnType<typeof createSecretCorpus>;

/** Random runs this long cannot turn up in output by chance, only by a leak. */
const MIN_FRAGMENT = 16;

/**
 * The strings whose presence anywhere means a leak: each secret, the forms it takes on the way
 * (a card number without its spaces, Basic credentials in base64), and each long random run
 * inside it, so a secret redacted only in part (a JWT without its header, a token without its
 * prefix) is still found.
 */
export function needlesOf(corpus: SecretCorpus): Map<string, string> {
  const needles = new Map<string, string>();
  const add = (value: string, name: string) => {
    needles.set(value, name);
    for (const [run] of value.matchAll(/[A-Za-z0-9]+/g)) {
      if (run.length >= MIN_FRAGMENT && run !== value) needles.set(run, `${name} (part)`);
    }
  };
  for (const [name, value] of Object.entries(corpus)) {
    add(value, name);
    if (name.startsWith('card')) needles.set(value.replaceAll(' ', ''), `${name} (digits only)`);
  }
  add(basicCredentials(corpus), 'basicAuthPassword (base64 credentials)');
  return needles;
}

/** The base64 of `user:password` a Basic Authorization header carries. */
export function basicCredentials(corpus: SecretCorpus): string {
  return Buffer.from(`alice:${corpus.basicAuthPassword}`).toString('base64');
}
