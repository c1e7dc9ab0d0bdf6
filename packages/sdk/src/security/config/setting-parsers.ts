import { z } from 'zod';
import { splitList } from '../../config/setting.ts';
import { Secret } from '../secret.ts';

/** One rate-limit budget: at most `limit` requests per `windowMs`. */
export interface RateBudget {
  readonly limit: number;
  /** Window length, milliseconds. */
  readonly windowMs: number;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const BUDGET = /^(\d{1,9})\s*\/\s*(\d{1,9})\s*(ms|s|m|h)$/;
const GROUP_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const FLAG_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const ON = new Set(['on', 'true', '1', 'yes']);
const OFF = new Set(['off', 'false', '0', 'no']);

/** Parses `100/1m` into a budget; windows run from 1 ms to 24 h. */
export function parseBudget(raw: string): RateBudget | undefined {
  const match = BUDGET.exec(raw.trim());
  if (match === null) return undefined;
  const windowMs = Number(match[2]) * (DURATION_UNITS[match[3] ?? ''] ?? 0);
  const limit = Number(match[1]);
  if (limit < 1 || windowMs < 1 || windowMs > 86_400_000) return undefined;
  return { limit, windowMs };
}

/** `limit/window`, e.g. `20/15m`. */
export const budget = () =>
  z.string().transform((raw, ctx) => parseBudget(raw) ?? fail(ctx, `malformed budget "${raw}"`));

/** `group=limit/window` pairs, e.g. `default=300/1m,login=10/1m`. */
export const budgetGroups = () =>
  z.string().transform((raw, ctx) => {
    const groups: Record<string, RateBudget> = {};
    for (const item of splitList(raw)) {
      const [name = '', value = ''] = item.split('=', 2).map((part) => part.trim());
      const parsed = parseBudget(value);
      if (!GROUP_NAME.test(name) || parsed === undefined) return fail(ctx, `bad pair "${item}"`);
      groups[name] = parsed;
    }
    return groups;
  });

/**
 * Browser origins (`https://app.example.com`, no path) or `*`. `null` is refused: sandboxed
 * iframes and local files all send it, so allowing it allows every one of them.
 */
export const originList = () =>
  z.string().transform((raw, ctx) => {
    const origins = splitList(raw);
    const bad = origins.find((origin) => origin !== '*' && !isOrigin(origin));
    return bad === undefined ? origins : fail(ctx, `"${bad}" is not an origin`);
  });

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** `name=on|off` pairs; a bare name means on. Names are checked against the declared flags later. */
export const flagMap = () =>
  z.string().transform((raw, ctx) => {
    const flags: Record<string, boolean> = {};
    for (const item of splitList(raw)) {
      const [name = '', value = 'on'] = item.split('=', 2).map((part) => part.trim());
      const state = ON.has(value.toLowerCase())
        ? true
        : OFF.has(value.toLowerCase())
          ? false
          : null;
      if (!FLAG_NAME.test(name) || state === null) return fail(ctx, `bad flag "${item}"`);
      flags[name] = state;
    }
    return flags;
  });

/** A secret of at least `minLength` characters. */
export const secretText = (minLength: number) =>
  z
    .string()
    .min(minLength)
    .transform((value) => new Secret(value));

/**
 * A 256-bit key given as 64 hex digits or as base64 of 32 bytes (what `openssl rand -hex 32` and
 * `openssl rand -base64 32` print). Kept wrapped so the key bytes never reach a log.
 */
export const aes256Key = () =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim();
    const bytes = /^[0-9a-fA-F]{64}$/.test(text)
      ? Buffer.from(text, 'hex')
      : Buffer.from(text, 'base64');
    if (bytes.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(text) && !isBase64(text))) {
      return fail(ctx, 'not a 32-byte key');
    }
    return new Secret(bytes.toString('hex'));
  });

function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(text);
}

/** `stderr`, `stdout` or a file path. */
export const destination = () =>
  z
    .string()
    .trim()
    .min(1)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused
    .regex(/^[^\u0000-\u001f]+$/);

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}
