import {
  type Attributes,
  createNoopMeter,
  type Meter,
  type MeterProvider,
} from '@opentelemetry/api';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { LOOKOUT_LABELS, LOOKOUT_METRICS } from '../metrics/names.ts';

/** The SDK counters that say what happened to each span or log record leaving a queue. */
const PROCESSED: Record<string, 'traces' | 'logs'> = {
  'otel.sdk.processor.span.processed': 'traces',
  'otel.sdk.processor.log.processed': 'logs',
};

/**
 * A MeterProvider handed to the OpenTelemetry span and log processors as their self-observability
 * hook. It is not an OpenTelemetry metrics pipeline: it turns the processors' "processed with
 * error" counts into two prom-client counters, so drops and export failures show up on /metrics
 * beside everything else and no metric is exported twice.
 */
export function selfObservabilityMeterProvider(metrics: MetricsRegistry): MeterProvider {
  const dropped = metrics.counter({
    name: LOOKOUT_METRICS.telemetryDropped,
    help: 'Spans and log records dropped inside the service because an export queue was full.',
    labelNames: [LOOKOUT_LABELS.signal],
  });
  const failed = metrics.counter({
    name: LOOKOUT_METRICS.telemetryErrors,
    help: 'Spans and log records the service failed to export, by signal and error type.',
    labelNames: [LOOKOUT_LABELS.signal, LOOKOUT_LABELS.reason],
  });

  const record = (signal: string, count: number, attributes: Attributes | undefined) => {
    const errorType = attributes?.['error.type'];
    if (errorType === undefined) return;
    if (errorType === 'queue_full') dropped.inc({ signal }, count);
    else failed.inc({ signal, reason: String(errorType) }, count);
  };

  const noop = createNoopMeter();
  const meter: Meter = Object.create(noop);
  meter.createCounter = (name, options) => {
    const signal = PROCESSED[name];
    if (signal === undefined) return noop.createCounter(name, options);
    return { add: (count: number, attributes?: Attributes) => record(signal, count, attributes) };
  };
  return { getMeter: () => meter };
}
