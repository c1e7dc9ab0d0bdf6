import type { SecurityConfig } from '../security/config/security-config.ts';
import type { Secret } from '../security/secret.ts';
import type { INSTRUMENTATION_NAMES, RESOURCE_DETECTORS } from './settings.ts';

export type InstrumentationName = (typeof INSTRUMENTATION_NAMES)[number];
export type ResourceDetectorName = (typeof RESOURCE_DETECTORS)[number];
export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** Batching of one signal's in-process export queue. */
export interface QueueConfig {
  /** Items held awaiting export; beyond it items are dropped and counted. */
  readonly maxQueueSize: number;
  readonly maxExportBatchSize: number;
  /** Delay between exports, milliseconds. */
  readonly scheduledDelayMs: number;
}

/**
 * The resolved, frozen configuration. Produced once by `loadConfig`; every part of the SDK reads
 * from it and nothing writes to it.
 */
export interface LookoutConfig {
  /** True when OTEL_SDK_DISABLED is set: no tracing, no OTLP log export. */
  readonly telemetryDisabled: boolean;
  readonly service: {
    readonly name: string;
    readonly version: string;
    readonly namespace: string | undefined;
    readonly environment: string;
  };
  /** Extra resource attributes from OTEL_RESOURCE_ATTRIBUTES. */
  readonly resourceAttributes: Readonly<Record<string, string>>;
  readonly resourceDetectors: readonly ResourceDetectorName[];
  readonly otlp: {
    /** Full URL for spans, or undefined when span export is off. */
    readonly tracesUrl: string | undefined;
    /** Full URL for log records, or undefined when OTLP log export is off. */
    readonly logsUrl: string | undefined;
    readonly headers: Readonly<Record<string, string>>;
    /** Timeout of one export request, milliseconds. */
    readonly timeoutMs: number;
  };
  readonly traces: QueueConfig & {
    readonly sampler: SamplerName;
    readonly samplerRatio: number;
    readonly propagators: readonly ('tracecontext' | 'baggage')[];
    readonly instrumentations: readonly InstrumentationName[];
  };
  readonly logs: QueueConfig & {
    readonly level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
    readonly redactKeys: readonly string[];
  };
  readonly metrics: {
    readonly path: string;
    readonly allowFrom: readonly string[];
    readonly runtime: boolean;
  };
  readonly health: {
    readonly livePath: string;
    readonly readyPath: string;
    /** Default timeout of one readiness check, milliseconds. */
    readonly checkTimeoutMs: number;
  };
  readonly shutdown: {
    /** Readiness 503 before the server stops accepting, milliseconds. */
    readonly delayMs: number;
    /** Time in-flight requests get to finish, milliseconds. */
    readonly graceMs: number;
    /** Deadline for flushing telemetry, milliseconds. */
    readonly timeoutMs: number;
  };
  readonly diagLevel: 'none' | 'error' | 'warn' | 'info' | 'debug' | 'verbose' | 'all';
  /** Headers, CORS, rate limits, API keys, audit, body limits, timeouts, Sentry, flags. */
  readonly security: SecurityConfig;
  readonly admin: {
    /** Bearer token guarding admin endpoints; when unset they answer 404. */
    readonly token: Secret | undefined;
  };
}
