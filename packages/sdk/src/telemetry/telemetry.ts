import { context, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { type Instrumentation, registerInstrumentations } from '@opentelemetry/instrumentation';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { LookoutConfig } from '../config/lookout-config.ts';
import type { ProblemReporter } from '../internal/problem-reporter.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { installDiagnostics } from './diagnostics.ts';
import { createInstrumentations } from './instrumentations.ts';
import { buildResource } from './resource.ts';
import { createSampler } from './sampler.ts';
import { ScrubbingSpanExporter } from './scrubbing-span-exporter.ts';
import { selfObservabilityMeterProvider } from './self-observability.ts';

/** The running OpenTelemetry pieces: tracing, the OTLP log pipeline and instrumentations. */
export interface Telemetry {
  readonly tracerProvider: TracerProvider | undefined;
  readonly loggerProvider: LoggerProvider | undefined;
  readonly instrumentations: readonly Instrumentation[];
  /** Exports what is queued, within `timeoutMs`; resolves false when something was left. */
  flush(timeoutMs: number): Promise<boolean>;
  /** Flushes, then stops exporting; idempotent. */
  shutdown(timeoutMs: number): Promise<boolean>;
}

/**
 * Starts tracing and OTLP log export as the configuration says. Instrumentations are enabled
 * here, before the application's modules load, which is why `register` calls this first.
 */
export function startTelemetry(
  config: LookoutConfig,
  metrics: MetricsRegistry,
  problems: ProblemReporter,
): Telemetry {
  installDiagnostics(config, problems);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: config.traces.propagators.map((name) =>
        name === 'tracecontext' ? new W3CTraceContextPropagator() : new W3CBaggagePropagator(),
      ),
    }),
  );
  if (config.telemetryDisabled) return inactiveTelemetry();

  const resource = buildResource(config);
  const selfObs = selfObservabilityMeterProvider(metrics);
  const exporterOptions = {
    headers: { ...config.otlp.headers },
    timeoutMillis: config.otlp.timeoutMs,
  };
  const tracerProvider = new TracerProvider({
    resource,
    sampler: createSampler(config),
    spanProcessors: config.otlp.tracesUrl
      ? [
          new BatchSpanProcessor({
            exporter: new ScrubbingSpanExporter(
              new OTLPTraceExporter({ ...exporterOptions, url: config.otlp.tracesUrl }),
              config.logs.redactKeys,
            ),
            ...queueOptions(config.traces, config.otlp.timeoutMs),
            selfObsMeterProvider: selfObs,
          }),
        ]
      : [],
  });
  const loggerProvider = config.otlp.logsUrl
    ? new LoggerProvider({
        resource,
        processors: [
          new BatchLogRecordProcessor({
            exporter: new OTLPLogExporter({ ...exporterOptions, url: config.otlp.logsUrl }),
            ...queueOptions(config.logs, config.otlp.timeoutMs),
            selfObsMeterProvider: selfObs,
          }),
        ],
      })
    : undefined;
  trace.setGlobalTracerProvider(tracerProvider);
  if (loggerProvider) logs.setGlobalLoggerProvider(loggerProvider);

  const instrumentations = createInstrumentations(config);
  registerInstrumentations({ instrumentations, tracerProvider });
  return activeTelemetry(tracerProvider, loggerProvider, instrumentations);
}

function queueOptions(queue: LookoutConfig['traces'] | LookoutConfig['logs'], timeoutMs: number) {
  return {
    maxQueueSize: queue.maxQueueSize,
    maxExportBatchSize: Math.min(queue.maxExportBatchSize, queue.maxQueueSize),
    scheduledDelayMillis: queue.scheduledDelayMs,
    exportTimeoutMillis: timeoutMs,
  };
}

function activeTelemetry(
  tracerProvider: TracerProvider,
  loggerProvider: LoggerProvider | undefined,
  instrumentations: Instrumentation[],
): Telemetry {
  let stopped: Promise<boolean> | undefined;
  // Logs first: a log line written while spans flush still finds its pipeline open.
  const flush = (timeoutMs: number) =>
    withinDeadline(
      Promise.all([
        loggerProvider?.forceFlush(),
        tracerProvider.forceFlush({ timeoutMillis: timeoutMs }),
      ]),
      timeoutMs,
    );
  return {
    tracerProvider,
    loggerProvider,
    instrumentations,
    flush,
    shutdown(timeoutMs) {
      stopped ??= (() => {
        for (const instrumentation of instrumentations) instrumentation.disable();
        // Shutting a provider down flushes its queue first; one deadline bounds both.
        return withinDeadline(
          Promise.all([loggerProvider?.shutdown(), tracerProvider.shutdown()]),
          timeoutMs,
        );
      })();
      return stopped;
    },
  };
}

function inactiveTelemetry(): Telemetry {
  return {
    tracerProvider: undefined,
    loggerProvider: undefined,
    instrumentations: [],
    flush: async () => true,
    shutdown: async () => true,
  };
}

/** Resolves true if `work` settles in time, false on timeout or failure; never rejects. */
export function withinDeadline(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    work.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}
