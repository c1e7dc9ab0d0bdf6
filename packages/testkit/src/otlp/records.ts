/**
 * The flattened records the OTLP receiver exposes: one object per span, log record or metric
 * data point, each carrying its resource and scope so a test needs no nesting to assert on it.
 *
 * Ids are lowercase hex strings (absent ids are `undefined`), timestamps are nanoseconds since
 * the epoch as `bigint` (they exceed 2^53), counts are numbers.
 */

/**
 * An OTLP AnyValue in JavaScript form. Integers are numbers, or `bigint` beyond ±2^53; bytes
 * are `Uint8Array`; key-value lists are plain objects; an empty AnyValue is `null`.
 */
export type OtlpValue =
  | string
  | number
  | bigint
  | boolean
  | Uint8Array
  | null
  | OtlpValue[]
  | { [key: string]: OtlpValue };

/** Attributes (of a span, a resource, a data point...) keyed by attribute name. */
export type OtlpAttributes = Record<string, OtlpValue>;

/** The instrumentation scope that produced a record. */
export interface OtlpScope {
  name: string;
  version: string;
  attributes: OtlpAttributes;
}

/** OTLP span kinds by name; OTLP's numbering differs from `@opentelemetry/api`'s `SpanKind`. */
export type OtlpSpanKind =
  | 'unspecified'
  | 'internal'
  | 'server'
  | 'client'
  | 'producer'
  | 'consumer';

/** One span as received. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  /** `undefined` for a root span. */
  parentSpanId: string | undefined;
  traceState: string | undefined;
  name: string;
  kind: OtlpSpanKind;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: OtlpAttributes;
  status: { code: 'unset' | 'ok' | 'error'; message: string };
  events: { name: string; timeUnixNano: bigint; attributes: OtlpAttributes }[];
  links: { traceId: string | undefined; spanId: string | undefined; attributes: OtlpAttributes }[];
  /** W3C trace flags in the low byte (1 = sampled), when the sender set them. */
  flags: number;
  resource: OtlpAttributes;
  scope: OtlpScope;
}

/** One log record as received. */
export interface OtlpLogRecord {
  traceId: string | undefined;
  spanId: string | undefined;
  /** 1-24 (TRACE=1, DEBUG=5, INFO=9, WARN=13, ERROR=17, FATAL=21); 0 when unspecified. */
  severityNumber: number;
  severityText: string;
  body: OtlpValue;
  attributes: OtlpAttributes;
  eventName: string | undefined;
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  resource: OtlpAttributes;
  scope: OtlpScope;
}

/** Which OTLP metric data a point belongs to. */
export type OtlpMetricType = 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';

/** An exemplar attached to a data point, linking it to a trace. */
export interface OtlpExemplar {
  traceId: string | undefined;
  spanId: string | undefined;
  value: number;
  timeUnixNano: bigint;
  filteredAttributes: OtlpAttributes;
}

/** Explicit-bucket histogram values; `bucketCounts` has one more entry than `bounds`. */
export interface OtlpHistogram {
  count: number;
  sum: number | undefined;
  min: number | undefined;
  max: number | undefined;
  bounds: number[];
  bucketCounts: number[];
}

/** Exponential histogram values. */
export interface OtlpExponentialHistogram {
  count: number;
  sum: number | undefined;
  min: number | undefined;
  max: number | undefined;
  scale: number;
  zeroCount: number;
  zeroThreshold: number;
  positive: { offset: number; bucketCounts: number[] };
  negative: { offset: number; bucketCounts: number[] };
}

/** Summary values. */
export interface OtlpSummary {
  count: number;
  sum: number;
  quantiles: { quantile: number; value: number }[];
}

/** One metric data point as received, with its metric's name and type. */
export interface OtlpMetricPoint {
  name: string;
  description: string;
  unit: string;
  type: OtlpMetricType;
  /** For sums and histograms. */
  temporality: 'unspecified' | 'delta' | 'cumulative' | undefined;
  /** For sums. */
  isMonotonic: boolean | undefined;
  /** For gauges and sums: the number, whether sent as a double or an int. */
  value: number | undefined;
  histogram: OtlpHistogram | undefined;
  exponentialHistogram: OtlpExponentialHistogram | undefined;
  summary: OtlpSummary | undefined;
  exemplars: OtlpExemplar[];
  attributes: OtlpAttributes;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  resource: OtlpAttributes;
  scope: OtlpScope;
}
