/**
 * Serialises JSON data with object keys sorted at every depth and no whitespace, so the same
 * record always yields the same bytes, whichever order its fields were written in. Values that
 * JSON cannot represent (undefined, functions) are dropped as `JSON.stringify` drops them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }

  const entries = Object.keys(value)
    .filter((key) => isRepresentable((value as Record<string, unknown>)[key]))
    .sort()
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    );
  return `{${entries.join(',')}}`;
}

function isRepresentable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
