/**
 * The shape of a decoded export request before flattening, shared by both encodings.
 *
 * protobuf requests arrive here through protobufjs `toObject` (64-bit integers as strings,
 * bytes as `Uint8Array`, enums as numbers); JSON requests arrive as parsed, where the OTLP/JSON
 * rules allow 64-bit integers as strings or numbers, ids as hex strings and enums as numbers
 * or names. The leaf types below are the union of both, resolved in `wire-values.ts`.
 */

export type RawLong = string | number | undefined;
export type RawBytes = Uint8Array | string | undefined;
export type RawEnum = number | string | undefined;
/** JSON encodes NaN and the infinities as strings. */
export type RawDouble = number | string | undefined;

export interface RawAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: RawLong;
  doubleValue?: RawDouble;
  arrayValue?: { values?: RawAnyValue[] };
  kvlistValue?: { values?: RawKeyValue[] };
  bytesValue?: RawBytes;
}

export interface RawKeyValue {
  key?: string;
  value?: RawAnyValue;
}

export interface RawScope {
  name?: string;
  version?: string;
  attributes?: RawKeyValue[];
}

export interface RawResource {
  attributes?: RawKeyValue[];
}

export interface RawSpan {
  traceId?: RawBytes;
  spanId?: RawBytes;
  traceState?: string;
  parentSpanId?: RawBytes;
  name?: string;
  kind?: RawEnum;
  startTimeUnixNano?: RawLong;
  endTimeUnixNano?: RawLong;
  attributes?: RawKeyValue[];
  events?: { timeUnixNano?: RawLong; name?: string; attributes?: RawKeyValue[] }[];
  links?: { traceId?: RawBytes; spanId?: RawBytes; attributes?: RawKeyValue[] }[];
  status?: { message?: string; code?: RawEnum };
  flags?: number;
}

export interface RawTracesRequest {
  resourceSpans?: {
    resource?: RawResource;
    scopeSpans?: { scope?: RawScope; spans?: RawSpan[] }[];
  }[];
}

export interface RawLogRecord {
  timeUnixNano?: RawLong;
  observedTimeUnixNano?: RawLong;
  severityNumber?: RawEnum;
  severityText?: string;
  body?: RawAnyValue;
  attributes?: RawKeyValue[];
  traceId?: RawBytes;
  spanId?: RawBytes;
  eventName?: string;
}

export interface RawLogsRequest {
  resourceLogs?: {
    resource?: RawResource;
    scopeLogs?: { scope?: RawScope; logRecords?: RawLogRecord[] }[];
  }[];
}

export interface RawExemplar {
  timeUnixNano?: RawLong;
  asDouble?: RawDouble;
  asInt?: RawLong;
  spanId?: RawBytes;
  traceId?: RawBytes;
  filteredAttributes?: RawKeyValue[];
}

/** Fields common to every data point type; each type adds its own. */
export interface RawDataPoint {
  attributes?: RawKeyValue[];
  startTimeUnixNano?: RawLong;
  timeUnixNano?: RawLong;
  exemplars?: RawExemplar[];
  // Number points
  asDouble?: RawDouble;
  asInt?: RawLong;
  // Histogram, exponential histogram and summary points
  count?: RawLong;
  sum?: RawDouble;
  min?: RawDouble;
  max?: RawDouble;
  bucketCounts?: RawLong[];
  explicitBounds?: RawDouble[];
  scale?: number;
  zeroCount?: RawLong;
  zeroThreshold?: RawDouble;
  positive?: { offset?: number; bucketCounts?: RawLong[] };
  negative?: { offset?: number; bucketCounts?: RawLong[] };
  quantileValues?: { quantile?: RawDouble; value?: RawDouble }[];
}

export interface RawMetricData {
  dataPoints?: RawDataPoint[];
  aggregationTemporality?: RawEnum;
  isMonotonic?: boolean;
}

export interface RawMetric {
  name?: string;
  description?: string;
  unit?: string;
  gauge?: RawMetricData;
  sum?: RawMetricData;
  histogram?: RawMetricData;
  exponentialHistogram?: RawMetricData;
  summary?: RawMetricData;
}

export interface RawMetricsRequest {
  resourceMetrics?: {
    resource?: RawResource;
    scopeMetrics?: { scope?: RawScope; metrics?: RawMetric[] }[];
  }[];
}
