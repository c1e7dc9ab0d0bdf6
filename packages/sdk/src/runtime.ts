import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { logs } from '@opentelemetry/api-logs';
import pino, { type DestinationStream, type Logger } from 'pino';
import { type LoadConfigInput, loadConfig } from './config/load-config.ts';
import type { LookoutConfig } from './config/lookout-config.ts';
import { Health } from './health/health.ts';
import { ProblemReporter } from './internal/problem-reporter.ts';
import { createLogger } from './logging/create-logger.ts';
import { OtlpLogStream } from './logging/otlp-log-stream.ts';
import { MetricsRegistry } from './metrics/metrics-registry.ts';
import { LOOKOUT_LABELS, LOOKOUT_METRICS } from './metrics/names.ts';
import { collectRuntimeMetrics } from './metrics/runtime-metrics.ts';
import { type AuditLog, auditLogFromConfig } from './security/audit/audit-log.ts';
import { recordConfigLoaded } from './security/audit/config-loaded.ts';
import { initSentry, type SentryHandle } from './security/sentry.ts';
import { Shutdown } from './shutdown/shutdown.ts';
import { startTelemetry, type Telemetry, withinDeadline } from './telemetry/telemetry.ts';

/** Everything one process runs: configuration, logger, metrics, health, telemetry, shutdown. */
export interface LookoutRuntime {
  readonly config: LookoutConfig;
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
  readonly health: Health;
  readonly shutdown: Shutdown;
  readonly telemetry: Telemetry;
  readonly problems: ProblemReporter;
  /** The hash-chained security audit stream. */
  readonly audit: AuditLog;
  /** Error reporting, when SENTRY_DSN is set. */
  readonly sentry: SentryHandle | undefined;
}

// One runtime per process, even if the SDK is loaded through both `-r` and `--import`.
const RUNTIME = Symbol.for('lookout.runtime');
type Slot = { [RUNTIME]?: LookoutRuntime };

/** The running runtime, if `startLookout` (or the register entry) has started one. */
export function currentLookout(): LookoutRuntime | undefined {
  return (globalThis as Slot)[RUNTIME];
}

/**
 * Starts Lookout once per process and returns the runtime; later calls return the same one.
 * Throws `LookoutConfigError` when the configuration is invalid, before anything starts.
 */
export function startLookout(input: LoadConfigInput = {}): LookoutRuntime {
  const existing = currentLookout();
  if (existing) return existing;

  const config = loadConfig(input);
  const metrics = new MetricsRegistry();
  const problems = new ProblemReporter({ onProblem: countProblem(metrics) });
  const telemetry = startTelemetry(config, metrics, problems);
  const stdout = pino.destination({ dest: 1, sync: false });
  const logger = createLogger({
    level: config.logs.level,
    redactKeys: config.logs.redactKeys,
    destinations: logDestinations(config, stdout, problems),
  });
  if (config.metrics.runtime) collectRuntimeMetrics(metrics);
  recordBuildInfo(metrics, config);

  const audit = auditLogFromConfig(config.security.audit, {
    registry: metrics.registry,
    service: config.service.name,
    onError: (error) =>
      problems.report('audit.write', 'an audit record could not be written', error),
  });
  recordConfigLoaded(audit, config.security, SDK_VERSION);
  const sentry = initSentry(config.security.sentry, {
    service: { version: config.service.version, environment: config.service.environment },
    extraSensitiveKeys: config.logs.redactKeys,
  });

  const health = new Health(metrics, config.health.checkTimeoutMs);
  const shutdown = new Shutdown({
    ...config.shutdown,
    health,
    flushTelemetry: async (timeoutMs) => {
      const [flushed, reported] = await Promise.all([
        telemetry.shutdown(timeoutMs),
        sentry?.close(timeoutMs) ?? true,
      ]);
      audit.close();
      problems.close();
      return (await withinDeadline(flushStdout(stdout), 500)) && flushed && reported;
    },
  });
  const runtime = { config, logger, metrics, health, shutdown, telemetry, problems, audit, sentry };
  (globalThis as Slot)[RUNTIME] = runtime;
  logStart(runtime);
  return runtime;
}

/** Includes `server` in graceful shutdown, if a runtime is running. */
export function trackServer(server: Server): void {
  currentLookout()?.shutdown.track(server);
}

function logDestinations(
  config: LookoutConfig,
  stdout: DestinationStream,
  problems: ProblemReporter,
) {
  if (config.otlp.logsUrl === undefined) return [stdout];
  const otelLogger = logs.getLogger('@lookout/sdk', SDK_VERSION);
  return [stdout, new OtlpLogStream(otelLogger, problems) as unknown as DestinationStream];
}

function flushStdout(stdout: DestinationStream & { flush?: (cb: (err?: Error) => void) => void }) {
  return new Promise<void>((resolve) => (stdout.flush ? stdout.flush(() => resolve()) : resolve()));
}

function countProblem(metrics: MetricsRegistry) {
  const counter = metrics.counter({
    name: LOOKOUT_METRICS.telemetryErrors,
    help: 'Spans and log records the service failed to export, by signal and error type.',
    labelNames: [LOOKOUT_LABELS.signal, LOOKOUT_LABELS.reason],
  });
  return (kind: string) => {
    // Export failures are counted per item by the processors; here only other faults count.
    if (!kind.startsWith('otel.')) counter.inc({ signal: 'internal', reason: kind });
  };
}

function recordBuildInfo(metrics: MetricsRegistry, config: LookoutConfig): void {
  metrics
    .gauge({
      name: LOOKOUT_METRICS.buildInfo,
      help: 'Always 1; labels carry the service version and the Lookout SDK version.',
      labelNames: ['service_version', 'sdk_version'],
    })
    .set({ service_version: config.service.version, sdk_version: SDK_VERSION }, 1);
}

function logStart({ config, logger }: LookoutRuntime): void {
  logger.info(
    {
      service: config.service,
      telemetry: config.telemetryDisabled ? 'disabled' : 'enabled',
      otlp: { traces: config.otlp.tracesUrl ?? 'off', logs: config.otlp.logsUrl ?? 'off' },
      sampler: { name: config.traces.sampler, ratio: config.traces.samplerRatio },
      instrumentations: config.traces.instrumentations,
    },
    'lookout started',
  );
}

const SDK_VERSION = readSdkVersion();

function readSdkVersion(): string {
  try {
    const url = new URL('../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
