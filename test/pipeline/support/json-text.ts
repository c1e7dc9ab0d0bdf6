/** Received records as searchable text, to prove a secret appears nowhere in them. */

/**
 * JSON of `value` with bigints (OTLP timestamps) as decimal strings and bytes as hex, so any
 * record the receivers decoded can be serialised and searched.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return item.toString();
    if (item instanceof Uint8Array) return Buffer.from(item).toString('hex');
    return item;
  });
}
