/** A small typed client for the Prometheus HTTP API, as tests use it. */
import { setTimeout as delay } from 'node:timers/promises';
import type {
  PromAlert,
  PromExemplarSeries,
  PromInstantResult,
  PromLabels,
  PromRuleGroup,
  PromSeries,
  PromTarget,
} from './prometheus-types.ts';

/** A time for the API: a Date, or seconds since the epoch. */
export type PromTime = Date | number;

/** Options of {@link PrometheusClient.waitForQuery}. */
export interface WaitForQueryOptions {
  /** Default 30 000. */
  timeoutMs?: number;
  /** Pause between queries, milliseconds. Default 250. */
  intervalMs?: number;
}

type RawSample = { metric: PromLabels; value: [number, string] };
type RawInstant =
  | { resultType: 'vector'; result: RawSample[] }
  | { resultType: 'scalar'; result: [number, string] };

/** Queries one Prometheus server. Every method throws on an API error, with its message. */
export class PrometheusClient {
  /** Base URL, e.g. `http://127.0.0.1:9090`. */
  readonly url: string;

  constructor(url: string) {
    this.url = url.replace(/\/+$/, '');
  }

  /** Evaluates `promql` at `time` (default now). Matrix and string results are rejected. */
  async query(promql: string, time?: PromTime): Promise<PromInstantResult> {
    const params: Record<string, string> = { query: promql };
    if (time !== undefined) params.time = seconds(time);
    const data = await this.#api<RawInstant>('/api/v1/query', params);
    if (data.resultType === 'scalar') {
      const [timestamp, value] = data.result;
      return { type: 'scalar', samples: [{ labels: {}, value: Number(value), timestamp }] };
    }
    if (data.resultType !== 'vector') {
      throw new Error(`query returned a ${(data as { resultType: string }).resultType}: ${promql}`);
    }
    const samples = data.result.map(({ metric, value: [timestamp, value] }) => ({
      labels: metric,
      value: Number(value),
      timestamp,
    }));
    return { type: 'vector', samples };
  }

  /** Evaluates `promql` over [start, end] every `stepSeconds`. */
  async queryRange(
    promql: string,
    range: { start: PromTime; end: PromTime; stepSeconds: number },
  ): Promise<PromSeries[]> {
    const params = {
      query: promql,
      start: seconds(range.start),
      end: seconds(range.end),
      step: String(range.stepSeconds),
    };
    const data = await this.#api<{ result: { metric: PromLabels; values: [number, string][] }[] }>(
      '/api/v1/query_range',
      params,
    );
    return data.result.map(({ metric, values }) => ({
      labels: metric,
      values: values.map(([timestamp, value]) => ({ timestamp, value: Number(value) })),
    }));
  }

  /** Exemplars of the series selected by `promql` in [start, end] (default: the last hour). */
  async queryExemplars(
    promql: string,
    range: { start?: PromTime; end?: PromTime } = {},
  ): Promise<PromExemplarSeries[]> {
    const end = Number(seconds(range.end ?? new Date()));
    const start = range.start === undefined ? end - 3600 : seconds(range.start);
    const params = { query: promql, start: String(start), end: String(end) };
    type Raw = {
      seriesLabels: PromLabels;
      exemplars: { labels: PromLabels; value: string; timestamp: number }[];
    };
    const data = await this.#api<Raw[]>('/api/v1/query_exemplars', params);
    return data.map(({ seriesLabels, exemplars }) => ({
      seriesLabels,
      exemplars: exemplars.map((exemplar) => ({ ...exemplar, value: Number(exemplar.value) })),
    }));
  }

  /** Active scrape targets. */
  async targets(): Promise<PromTarget[]> {
    const data = await this.#api<{ activeTargets: PromTarget[] }>('/api/v1/targets', {
      state: 'active',
    });
    return data.activeTargets;
  }

  /** Loaded rule groups with each rule's health and, for alerting rules, state. */
  async rules(): Promise<PromRuleGroup[]> {
    return (await this.#api<{ groups: PromRuleGroup[] }>('/api/v1/rules', {})).groups;
  }

  /** Pending and firing alerts. */
  async alerts(): Promise<PromAlert[]> {
    return (await this.#api<{ alerts: PromAlert[] }>('/api/v1/alerts', {})).alerts;
  }

  /**
   * Re-runs `promql` until `predicate` accepts the result, and returns that result. Query
   * errors (a server still starting, a restart in progress) are retried until the timeout,
   * whose error shows the last result or error.
   */
  async waitForQuery(
    promql: string,
    predicate: (result: PromInstantResult) => boolean,
    options: WaitForQueryOptions = {},
  ): Promise<PromInstantResult> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    let last = 'no result';
    // Prometheus has no push notification for query results: polling is the only way.
    while (Date.now() < deadline) {
      try {
        const result = await this.query(promql);
        if (predicate(result)) return result;
        last = JSON.stringify(result.samples.slice(0, 5));
      } catch (error) {
        last = String(error);
      }
      await delay(options.intervalMs ?? 250);
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${promql}; last: ${last}`);
  }

  async #api<T>(path: string, params: Record<string, string>): Promise<T> {
    const response = await fetch(`${this.url}${path}?${new URLSearchParams(params)}`);
    const text = await response.text();
    let body: { status?: string; data?: T; error?: string };
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: text.slice(0, 200) };
    }
    if (body.status !== 'success') {
      throw new Error(`Prometheus ${path} failed (${response.status}): ${body.error ?? 'unknown'}`);
    }
    return body.data as T;
  }
}

function seconds(time: PromTime): string {
  return String(typeof time === 'number' ? time : time.getTime() / 1000);
}
