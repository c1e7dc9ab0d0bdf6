import { z } from 'zod';

/**
 * One configuration setting read from the environment: its schema (from the raw string), its
 * default, what a valid value looks like and what it does. The table of settings is the single
 * source for validation, the configuration reference and `.env.production.example`.
 */
export interface Setting<T> {
  readonly schema: z.ZodType<T, string>;
  readonly default: T | undefined;
  /** What a valid value looks like, for error messages and docs. */
  readonly expected: string;
  /** What the setting does, with its unit. */
  readonly doc: string;
  /** Secret values are never echoed in errors or logs, and may be given as `<NAME>_FILE`. */
  readonly secret?: boolean;
  /** The `useLookout` option that takes precedence over the variable, e.g. `logs.level`. */
  readonly option?: string;
}

export type AnySetting = Setting<unknown>;

export function setting<T>(
  schema: z.ZodType<T, string>,
  meta: Omit<Setting<T>, 'schema'>,
): Setting<T> {
  return { schema, ...meta };
}

/** `true`/`false`, also 1/0, yes/no, on/off. */
export const flag = () =>
  z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] });

/** A whole number in `[min, max]`. */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A decimal number in `[min, max]`. */
export const decimal = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d*\.?\d+$/)
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** One word of a fixed set, case-insensitive. */
export const word = <const T extends readonly [string, ...string[]]>(choices: T) =>
  z.string().trim().toLowerCase().pipe(z.enum(choices));

/** A comma-separated list; each item must be one of `choices` when given. */
export const wordList = <const T extends readonly [string, ...string[]]>(choices?: T) =>
  z
    .string()
    .transform(splitList)
    .pipe(z.array(choices ? z.enum(choices) : z.string().min(1)));

/** Non-empty text without control characters. */
export const text = () =>
  z
    .string()
    .trim()
    .min(1)
    .refine(
      (value) => ![...value].some((char) => char.charCodeAt(0) < 0x20),
      'no control characters',
    );

/** An absolute http(s) URL. */
export const httpUrl = () =>
  z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/ }));

/** A URL path such as `/metrics`. */
export const urlPath = () =>
  z
    .string()
    .trim()
    .regex(/^\/[\w\-./]*$/);

/**
 * `key=value` pairs separated by commas with percent-encoded values, as the OpenTelemetry spec
 * defines for `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_EXPORTER_OTLP_HEADERS`.
 */
export const keyValueList = () =>
  z.string().transform((raw, ctx) => {
    const result: Record<string, string> = {};
    for (const item of splitList(raw)) {
      const eq = item.indexOf('=');
      const value = eq > 0 ? decodeOrUndefined(item.slice(eq + 1).trim()) : undefined;
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `malformed pair "${item}"` });
        return z.NEVER;
      }
      result[item.slice(0, eq).trim()] = value;
    }
    return result;
  });

export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function decodeOrUndefined(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
