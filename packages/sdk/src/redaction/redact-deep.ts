import { scrubText } from './secret-patterns.ts';
import { isSensitiveKey, REDACTED } from './sensitive-keys.ts';

/** Nesting deeper than this is cut, so a hostile or cyclic object cannot stall a log call. */
const MAX_DEPTH = 12;

/**
 * Returns `value` with the value of every sensitive key replaced by `[REDACTED]`, at any depth,
 * inside arrays too, and secrets inside strings (tokens, URL credentials) scrubbed. Objects
 * without secrets are returned as they are (no copy); an object that holds one is copied, so
 * the caller's data is never modified.
 */
export function redactDeep(value: unknown, extraKeys: readonly string[] = []): unknown {
  return visit(value, extraKeys, 0, new WeakSet());
}

function visit(value: unknown, extra: readonly string[], depth: number, seen: WeakSet<object>) {
  if (typeof value === 'string') return scrubText(value, { extraKeys: extra });
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    return Array.isArray(value)
      ? visitArray(value, extra, depth, seen)
      : visitObject(value, extra, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function visitArray(
  items: unknown[],
  extra: readonly string[],
  depth: number,
  seen: WeakSet<object>,
) {
  let copy: unknown[] | undefined;
  items.forEach((item, i) => {
    const next = visit(item, extra, depth + 1, seen);
    if (next !== item) {
      copy ??= items.slice();
      copy[i] = next;
    }
  });
  return copy ?? items;
}

function visitObject(obj: object, extra: readonly string[], depth: number, seen: WeakSet<object>) {
  // Buffers, dates and the like hold no keys; leave them to the serialiser.
  if (!isPlainRecord(obj)) return obj;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(obj)) {
    const next = isSensitiveKey(key, extra) ? REDACTED : visit(item, extra, depth + 1, seen);
    if (next !== item) {
      copy ??= { ...obj };
      copy[key] = next;
    }
  }
  return copy ?? obj;
}

function isPlainRecord(obj: object): obj is Record<string, unknown> {
  return !(
    obj instanceof Date ||
    obj instanceof RegExp ||
    obj instanceof Map ||
    obj instanceof Set ||
    ArrayBuffer.isView(obj) ||
    obj instanceof ArrayBuffer
  );
}
