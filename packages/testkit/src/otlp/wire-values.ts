/**
 * Conversions of OTLP leaf values, accepting both the protobufjs form and the OTLP/JSON form
 * (see `raw-types.ts`), into the types of `records.ts`.
 */

import type {
  RawAnyValue,
  RawBytes,
  RawDouble,
  RawEnum,
  RawKeyValue,
  RawLong,
  RawScope,
} from './raw-types.ts';
import type { OtlpAttributes, OtlpScope, OtlpValue } from './records.ts';

/**
 * A trace or span id as lowercase hex; `undefined` when absent or empty. OTLP/JSON already
 * carries ids as hex (the one deviation from the protobuf JSON mapping, which would use base64).
 */
export function hexId(raw: RawBytes): string | undefined {
  if (raw === undefined) return undefined;
  const hex = typeof raw === 'string' ? raw.toLowerCase() : Buffer.from(raw).toString('hex');
  return hex.length > 0 ? hex : undefined;
}

/** A 64-bit unsigned or signed integer as `bigint`; absent is 0. */
export function toBigInt(raw: RawLong): bigint {
  return raw === undefined || raw === '' ? 0n : BigInt(raw);
}

/** A 64-bit integer as a number; for counts and values that stay far below 2^53. */
export function toNumber(raw: RawLong): number {
  return raw === undefined ? 0 : Number(raw);
}

/** A double; JSON spells NaN and the infinities as strings, which `Number` understands. */
export function toDouble(raw: RawDouble): number {
  return raw === undefined ? 0 : Number(raw);
}

/** Like {@link toDouble} but keeps absence visible (optional sum/min/max). */
export function optionalDouble(raw: RawDouble): number | undefined {
  return raw === undefined ? undefined : Number(raw);
}

/**
 * An enum value as its number; JSON may spell it by name (`SPAN_KIND_SERVER`), in which case
 * its position in `names` is its number. Unknown names map to 0 (unspecified).
 */
export function enumNumber(raw: RawEnum, names: readonly string[]): number {
  if (raw === undefined) return 0;
  if (typeof raw === 'number') return raw;
  const index = names.indexOf(raw);
  return index >= 0 ? index : Number(raw) || 0;
}

/** An OTLP AnyValue in JavaScript form (see {@link OtlpValue}). */
export function anyValue(raw: RawAnyValue | undefined): OtlpValue {
  if (!raw) return null;
  if (raw.stringValue !== undefined) return raw.stringValue;
  if (raw.boolValue !== undefined) return raw.boolValue;
  if (raw.intValue !== undefined) return integerValue(raw.intValue);
  if (raw.doubleValue !== undefined) return toDouble(raw.doubleValue);
  if (raw.arrayValue !== undefined) return (raw.arrayValue.values ?? []).map(anyValue);
  if (raw.kvlistValue !== undefined) return attributes(raw.kvlistValue.values);
  if (raw.bytesValue !== undefined) return bytesValue(raw.bytesValue);
  return null;
}

/** Key-value pairs as a record; a repeated key keeps its last value, as SDKs do. */
export function attributes(list: RawKeyValue[] | undefined): OtlpAttributes {
  const record: OtlpAttributes = {};
  for (const pair of list ?? []) record[pair.key ?? ''] = anyValue(pair.value);
  return record;
}

/** An instrumentation scope with defaults for absent fields. */
export function scope(raw: RawScope | undefined): OtlpScope {
  return {
    name: raw?.name ?? '',
    version: raw?.version ?? '',
    attributes: attributes(raw?.attributes),
  };
}

function integerValue(raw: string | number): number | bigint {
  const big = BigInt(raw);
  const safe = big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER);
  return safe ? Number(big) : big;
}

// Unlike ids, bytes inside AnyValue follow the protobuf JSON mapping: base64.
function bytesValue(raw: Uint8Array | string): Uint8Array {
  return typeof raw === 'string' ? new Uint8Array(Buffer.from(raw, 'base64')) : raw;
}
