/**
 * Whether one PromQL query is alive against a real Prometheus: it parses and evaluates, it
 * returns data, every series selector in it matches something, and, when it falls back to
 * `vector(0)`, it still returns data without the fallback. Selectors of series that are only born
 * with a failure the proof could not cause are named rather than failed, and the zero fallback
 * is then what the panel shows.
 */
import type { PrometheusServer } from '@lookout/testkit';
import { vectorSelectors, withoutZeroFallback } from './promql-rewrite.ts';

/** What checking one query found. */
export interface QueryVerdict {
  /** Why the query is dead; undefined when it is alive. */
  readonly problem: string | undefined;
  /** Empty selectors excused because their series only exist after an unprovoked failure. */
  readonly excused: readonly string[];
}

/** Checks queries against one Prometheus, remembering which selectors match. */
export class QueryChecker {
  readonly #prometheus: PrometheusServer;
  readonly #excusedMetrics: ReadonlySet<string>;
  readonly #matchCache = new Map<string, Promise<boolean>>();

  /** `excusedMetrics`: metric names whose series exist only after failures nobody caused. */
  constructor(prometheus: PrometheusServer, excusedMetrics: Iterable<string>) {
    this.#prometheus = prometheus;
    this.#excusedMetrics = new Set(excusedMetrics);
  }

  /** Checks `promql` (variables already substituted). */
  async check(promql: string): Promise<QueryVerdict> {
    const data = await this.#hasData(promql);
    if (typeof data === 'string') return { problem: `Prometheus refused it: ${data}`, excused: [] };

    const empty = [];
    for (const selector of vectorSelectors(promql)) {
      if (!(await this.#matches(selector))) empty.push(selector);
    }
    const excused = empty.filter((selector) => this.#excusedMetrics.has(metricName(selector)));
    const unexcused = empty.filter((selector) => !excused.includes(selector));
    if (!data) return { problem: describeEmpty('returns no data', unexcused, excused), excused };
    if (unexcused.length > 0) {
      return { problem: `selects nothing with ${unexcused.join(', ')}`, excused };
    }
    const bare = withoutZeroFallback(promql);
    if (bare !== promql && excused.length === 0 && (await this.#hasData(bare)) !== true) {
      return { problem: 'has no data of its own, only its zero fallback', excused };
    }
    return { problem: undefined, excused };
  }

  // true or false, or Prometheus's error message when it cannot parse or evaluate the query.
  async #hasData(promql: string): Promise<boolean | string> {
    try {
      return (await this.#prometheus.query(promql)).samples.length > 0;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  #matches(selector: string): Promise<boolean> {
    let known = this.#matchCache.get(selector);
    if (known === undefined) {
      known = this.#hasData(`count(${selector})`).then((data) => data === true);
      this.#matchCache.set(selector, known);
    }
    return known;
  }
}

function describeEmpty(what: string, unexcused: string[], excused: string[]): string | undefined {
  if (unexcused.length === 0 && excused.length > 0) return undefined;
  const culprits = unexcused.length > 0 ? `; nothing matches ${unexcused.join(', ')}` : '';
  return `${what}${culprits}`;
}

/** The metric name of a selector: `up{job="x"}` or `{__name__="up", job="x"}`. */
export function metricName(selector: string): string {
  const plain = /^[a-zA-Z_:][\w:]*/.exec(selector)?.[0];
  return plain ?? /__name__\s*=\s*"([^"]+)"/.exec(selector)?.[1] ?? '';
}
