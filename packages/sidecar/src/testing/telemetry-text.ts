/** Reading the collector's own metrics page (Prometheus text format) in tests. */

/** One sample line: metric name, labels and value. */
export interface TelemetrySample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Every sample of a Prometheus text exposition, comments skipped. */
export function parseTelemetry(text: string): TelemetrySample[] {
  const samples: TelemetrySample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE_LINE.exec(line);
    if (!match || line.startsWith('#')) continue;

    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL_PAIR)) {
      labels[key as string] = (value as string).replace(/\\(.)/g, '$1');
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * The metric family names on the page, as `# TYPE` declares them: a histogram is listed once
 * under its own name, not as its `_bucket`, `_sum` and `_count` series.
 */
export function metricFamilies(text: string): Set<string> {
  const families = new Set<string>();
  for (const match of text.matchAll(/^# TYPE (\S+) \S+$/gm)) families.add(match[1] as string);
  return families;
}

/** The sum of the samples named `name` whose labels include `labels`. */
export function sumOf(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  return parseTelemetry(text)
    .filter((s) => s.name === name && wanted.every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}
