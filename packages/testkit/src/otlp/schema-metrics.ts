/** OTLP metric messages (opentelemetry/proto/metrics/v1) and the metrics export service's. */
import type protobuf from 'protobufjs';
import { field, message, repeated } from './schema-fields.ts';

const NUMBER_VALUE = { value: ['asDouble', 'asInt'] };

export const metricsTypes: Record<string, protobuf.IType> = {
  ExportMetricsServiceRequest: message({ resourceMetrics: repeated(1, 'ResourceMetrics') }),
  ExportMetricsServiceResponse: message({
    partialSuccess: field(1, 'ExportMetricsPartialSuccess'),
  }),
  ExportMetricsPartialSuccess: message({
    rejectedDataPoints: field(1, 'int64'),
    errorMessage: field(2, 'string'),
  }),
  ResourceMetrics: message({
    resource: field(1, 'Resource'),
    scopeMetrics: repeated(2, 'ScopeMetrics'),
    schemaUrl: field(3, 'string'),
  }),
  ScopeMetrics: message({
    scope: field(1, 'InstrumentationScope'),
    metrics: repeated(2, 'Metric'),
    schemaUrl: field(3, 'string'),
  }),
  // Fields 4, 6 and 8 are reserved (removed int types).
  Metric: message(
    {
      name: field(1, 'string'),
      description: field(2, 'string'),
      unit: field(3, 'string'),
      gauge: field(5, 'Gauge'),
      sum: field(7, 'Sum'),
      histogram: field(9, 'Histogram'),
      exponentialHistogram: field(10, 'ExponentialHistogram'),
      summary: field(11, 'Summary'),
      metadata: repeated(12, 'KeyValue'),
    },
    { data: ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'] },
  ),
  // Aggregation temporality stays an int32 (0 unspecified, 1 delta, 2 cumulative).
  Gauge: message({ dataPoints: repeated(1, 'NumberDataPoint') }),
  Sum: message({
    dataPoints: repeated(1, 'NumberDataPoint'),
    aggregationTemporality: field(2, 'int32'),
    isMonotonic: field(3, 'bool'),
  }),
  Histogram: message({
    dataPoints: repeated(1, 'HistogramDataPoint'),
    aggregationTemporality: field(2, 'int32'),
  }),
  ExponentialHistogram: message({
    dataPoints: repeated(1, 'ExponentialHistogramDataPoint'),
    aggregationTemporality: field(2, 'int32'),
  }),
  Summary: message({ dataPoints: repeated(1, 'SummaryDataPoint') }),
  NumberDataPoint: message(
    {
      startTimeUnixNano: field(2, 'fixed64'),
      timeUnixNano: field(3, 'fixed64'),
      asDouble: field(4, 'double'),
      exemplars: repeated(5, 'Exemplar'),
      asInt: field(6, 'sfixed64'),
      attributes: repeated(7, 'KeyValue'),
      flags: field(8, 'uint32'),
    },
    NUMBER_VALUE,
  ),
  // sum, min and max are proto3 `optional`, so absence is distinguishable from 0; protobufjs
  // leaves absent fields undefined, which the flattener preserves.
  HistogramDataPoint: message({
    startTimeUnixNano: field(2, 'fixed64'),
    timeUnixNano: field(3, 'fixed64'),
    count: field(4, 'fixed64'),
    sum: field(5, 'double'),
    bucketCounts: repeated(6, 'fixed64'),
    explicitBounds: repeated(7, 'double'),
    exemplars: repeated(8, 'Exemplar'),
    attributes: repeated(9, 'KeyValue'),
    flags: field(10, 'uint32'),
    min: field(11, 'double'),
    max: field(12, 'double'),
  }),
  ExponentialHistogramDataPoint: message({
    attributes: repeated(1, 'KeyValue'),
    startTimeUnixNano: field(2, 'fixed64'),
    timeUnixNano: field(3, 'fixed64'),
    count: field(4, 'fixed64'),
    sum: field(5, 'double'),
    scale: field(6, 'sint32'),
    zeroCount: field(7, 'fixed64'),
    positive: field(8, 'ExponentialBuckets'),
    negative: field(9, 'ExponentialBuckets'),
    flags: field(10, 'uint32'),
    exemplars: repeated(11, 'Exemplar'),
    min: field(12, 'double'),
    max: field(13, 'double'),
    zeroThreshold: field(14, 'double'),
  }),
  // Bucket counts are uint64 varints here but fixed64 in explicit histograms, as the spec has it.
  ExponentialBuckets: message({
    offset: field(1, 'sint32'),
    bucketCounts: repeated(2, 'uint64'),
  }),
  SummaryDataPoint: message({
    startTimeUnixNano: field(2, 'fixed64'),
    timeUnixNano: field(3, 'fixed64'),
    count: field(4, 'fixed64'),
    sum: field(5, 'double'),
    quantileValues: repeated(6, 'ValueAtQuantile'),
    attributes: repeated(7, 'KeyValue'),
    flags: field(8, 'uint32'),
  }),
  ValueAtQuantile: message({ quantile: field(1, 'double'), value: field(2, 'double') }),
  Exemplar: message(
    {
      timeUnixNano: field(2, 'fixed64'),
      asDouble: field(3, 'double'),
      spanId: field(4, 'bytes'),
      traceId: field(5, 'bytes'),
      asInt: field(6, 'sfixed64'),
      filteredAttributes: repeated(7, 'KeyValue'),
    },
    NUMBER_VALUE,
  ),
};
