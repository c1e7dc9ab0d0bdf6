/** Turns a decoded metrics export request into one {@link OtlpMetricPoint} per data point. */
import type { RawDataPoint, RawExemplar, RawMetric, RawMetricsRequest } from './raw-types.ts';
import type {
  OtlpAttributes,
  OtlpExemplar,
  OtlpMetricPoint,
  OtlpMetricType,
  OtlpScope,
} from './records.ts';
import {
  attributes,
  enumNumber,
  hexId,
  optionalDouble,
  scope,
  toBigInt,
  toDouble,
  toNumber,
} from './wire-values.ts';

const METRIC_TYPES: OtlpMetricType[] = [
  'gauge',
  'sum',
  'histogram',
  'exponentialHistogram',
  'summary',
];
const TEMPORALITY_NAMES = [
  'AGGREGATION_TEMPORALITY_UNSPECIFIED',
  'AGGREGATION_TEMPORALITY_DELTA',
  'AGGREGATION_TEMPORALITY_CUMULATIVE',
];
const TEMPORALITIES = ['unspecified', 'delta', 'cumulative'] as const;

/** The parts of a point shared by every point of one metric. */
type MetricContext = Pick<
  OtlpMetricPoint,
  'name' | 'description' | 'unit' | 'type' | 'temporality' | 'isMonotonic' | 'resource' | 'scope'
>;

/** Every data point in `request`, in the order they were sent. */
export function flattenMetrics(request: RawMetricsRequest): OtlpMetricPoint[] {
  const points: OtlpMetricPoint[] = [];
  for (const resourceMetrics of request.resourceMetrics ?? []) {
    const resource = attributes(resourceMetrics.resource?.attributes);
    for (const scopeMetrics of resourceMetrics.scopeMetrics ?? []) {
      const metricScope = scope(scopeMetrics.scope);
      for (const metric of scopeMetrics.metrics ?? []) {
        for (const point of metricPoints(metric, resource, metricScope)) points.push(point);
      }
    }
  }
  return points;
}

function metricPoints(raw: RawMetric, resource: OtlpAttributes, metricScope: OtlpScope) {
  const type = METRIC_TYPES.find((candidate) => raw[candidate] !== undefined);
  // A metric without data (allowed by the schema) has no points to report.
  if (!type) return [];
  const data = raw[type] ?? {};
  const hasTemporality = type !== 'gauge' && type !== 'summary';
  const context: MetricContext = {
    name: raw.name ?? '',
    description: raw.description ?? '',
    unit: raw.unit ?? '',
    type,
    temporality: hasTemporality
      ? TEMPORALITIES[enumNumber(data.aggregationTemporality, TEMPORALITY_NAMES)]
      : undefined,
    isMonotonic: type === 'sum' ? (data.isMonotonic ?? false) : undefined,
    resource,
    scope: metricScope,
  };
  return (data.dataPoints ?? []).map((point) => toPoint(point, context));
}

// One flat record per point keeps assertions one-level deep; only the field of the metric's
// own type is set, the others stay undefined.
function toPoint(raw: RawDataPoint, context: MetricContext): OtlpMetricPoint {
  const type = context.type;
  return {
    ...context,
    value: type === 'gauge' || type === 'sum' ? numberValue(raw) : undefined,
    histogram: type === 'histogram' ? histogram(raw) : undefined,
    exponentialHistogram: type === 'exponentialHistogram' ? exponentialHistogram(raw) : undefined,
    summary: type === 'summary' ? summary(raw) : undefined,
    exemplars: (raw.exemplars ?? []).map(exemplar),
    attributes: attributes(raw.attributes),
    startTimeUnixNano: toBigInt(raw.startTimeUnixNano),
    timeUnixNano: toBigInt(raw.timeUnixNano),
  };
}

// NumberDataPoint and Exemplar carry the value in a oneof; an int sent as 0 is omitted on the
// wire (proto3 default), so absence of both reads as 0.0, which is what the sender meant.
function numberValue(raw: { asDouble?: RawDataPoint['asDouble']; asInt?: RawDataPoint['asInt'] }) {
  return raw.asInt !== undefined ? toNumber(raw.asInt) : toDouble(raw.asDouble);
}

function histogram(raw: RawDataPoint) {
  return {
    count: toNumber(raw.count),
    sum: optionalDouble(raw.sum),
    min: optionalDouble(raw.min),
    max: optionalDouble(raw.max),
    bounds: (raw.explicitBounds ?? []).map(toDouble),
    bucketCounts: (raw.bucketCounts ?? []).map(toNumber),
  };
}

function exponentialHistogram(raw: RawDataPoint) {
  return {
    count: toNumber(raw.count),
    sum: optionalDouble(raw.sum),
    min: optionalDouble(raw.min),
    max: optionalDouble(raw.max),
    scale: raw.scale ?? 0,
    zeroCount: toNumber(raw.zeroCount),
    zeroThreshold: toDouble(raw.zeroThreshold),
    positive: { offset: raw.positive?.offset ?? 0, bucketCounts: buckets(raw.positive) },
    negative: { offset: raw.negative?.offset ?? 0, bucketCounts: buckets(raw.negative) },
  };
}

function buckets(raw: RawDataPoint['positive']): number[] {
  return (raw?.bucketCounts ?? []).map(toNumber);
}

function summary(raw: RawDataPoint) {
  return {
    count: toNumber(raw.count),
    sum: toDouble(raw.sum),
    quantiles: (raw.quantileValues ?? []).map((entry) => ({
      quantile: toDouble(entry.quantile),
      value: toDouble(entry.value),
    })),
  };
}

function exemplar(raw: RawExemplar): OtlpExemplar {
  return {
    traceId: hexId(raw.traceId),
    spanId: hexId(raw.spanId),
    value: numberValue(raw),
    timeUnixNano: toBigInt(raw.timeUnixNano),
    filteredAttributes: attributes(raw.filteredAttributes),
  };
}
