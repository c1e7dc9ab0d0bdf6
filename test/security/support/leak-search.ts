/** One place where telemetry leaves a process, as text to search. */
export interface Sink {
  readonly name: string;
  /** One entry per line, record or envelope, so a hit can be shown with its context. */
  readonly entries: readonly string[];
}

/** A secret found in a sink. */
export interface Leak {
  readonly secret: string;
  readonly sink: string;
  /** Up to 80 characters around the hit, the secret itself masked. */
  readonly context: string;
}

/** JSON that keeps what OTLP records hold: bigint timestamps and byte arrays as text. */
export function serialize(record: unknown): string {
  return JSON.stringify(record, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
    return value;
  });
}

/**
 * Every occurrence of every needle in every sink. `needles` maps the text to look for to the
 * name of the secret it belongs to; a sink may exempt needles it carries by design.
 */
export function findLeaks(
  sinks: readonly Sink[],
  needles: ReadonlyMap<string, string>,
  exempt: (sink: string, secret: string) => boolean = () => false,
): Leak[] {
  const leaks: Leak[] = [];
  for (const sink of sinks) {
    for (const entry of sink.entries) {
      for (const [needle, secret] of needles) {
        const at = entry.indexOf(needle);
        if (at === -1 || exempt(sink.name, secret)) continue;
        leaks.push({ secret, sink: sink.name, context: excerpt(entry, at, needle) });
      }
    }
  }
  return leaks;
}

function excerpt(entry: string, at: number, needle: string): string {
  const before = entry.slice(Math.max(0, at - 40), at);
  const after = entry.slice(at + needle.length, at + needle.length + 40);
  return `…${before}<${needle.length} chars>${after}…`;
}

/** A readable list of leaks for an assertion message. */
export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks.map((leak) => `${leak.secret} in ${leak.sink}: ${leak.context}`).join('\n');
}
