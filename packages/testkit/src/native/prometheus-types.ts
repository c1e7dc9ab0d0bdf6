/**
 * Typed results of the Prometheus HTTP API, with sample values already parsed to numbers
 * (the API sends them as strings so that NaN and ±Inf survive JSON).
 */

/** Label names to values. */
export type PromLabels = Record<string, string>;

/** One sample of an instant vector. `timestamp` is in seconds since the epoch. */
export interface PromSample {
  labels: PromLabels;
  value: number;
  timestamp: number;
}

/**
 * An instant query result. A scalar result is given as one sample with no labels, so tests
 * can read `samples` whatever the query returns.
 */
export interface PromInstantResult {
  type: 'vector' | 'scalar';
  samples: PromSample[];
}

/** One series of a range query. */
export interface PromSeries {
  labels: PromLabels;
  values: { timestamp: number; value: number }[];
}

/** Exemplars stored for one series. */
export interface PromExemplarSeries {
  seriesLabels: PromLabels;
  exemplars: { labels: PromLabels; value: number; timestamp: number }[];
}

/** A scrape target as `/api/v1/targets` reports it. */
export interface PromTarget {
  scrapePool: string;
  scrapeUrl: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
  labels: PromLabels;
  lastScrape: string;
}

/** An alert as `/api/v1/alerts` (and alerting rules) report it. */
export interface PromAlert {
  labels: PromLabels;
  annotations: PromLabels;
  state: 'inactive' | 'pending' | 'firing';
  activeAt?: string;
  value: string;
}

/** A recording or alerting rule as `/api/v1/rules` reports it. */
export interface PromRule {
  name: string;
  type: 'alerting' | 'recording';
  query: string;
  health: 'ok' | 'err' | 'unknown';
  lastError?: string;
  labels?: PromLabels;
  /** Alerting rules only. */
  state?: 'inactive' | 'pending' | 'firing';
  alerts?: PromAlert[];
}

/** A rule group as `/api/v1/rules` reports it. */
export interface PromRuleGroup {
  name: string;
  file: string;
  interval: number;
  rules: PromRule[];
}
