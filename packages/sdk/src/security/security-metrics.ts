import { Counter, Gauge, type Registry, type RegistryContentType } from 'prom-client';
import { LOOKOUT_LABELS, LOOKOUT_METRICS } from '../metrics/names.ts';

/** Any prom-client registry, Prometheus- or OpenMetrics-typed (the SDK's is OpenMetrics). */
export type PromRegistry = Registry<RegistryContentType>;

/**
 * The security metrics, created on the registry the caller passes (the SDK's private one,
 * never prom-client's global). Get-or-create: asking twice for the same registry returns the
 * same metrics, so several middlewares can share a registry without duplicate-name errors.
 */
export interface SecurityMetrics {
  readonly authAttempts: Counter<'result' | 'reason'>;
  readonly rateLimitHits: Counter<'group'>;
  readonly corsRejections: Counter<string>;
  readonly auditEvents: Counter<'event'>;
  readonly featureFlag: Gauge<'flag'>;
}

/** Returns the security metrics on `registry`, creating the missing ones. */
export function securityMetrics(registry: PromRegistry): SecurityMetrics {
  const { result, reason, group, event, flag } = LOOKOUT_LABELS;
  return {
    authAttempts: counter(
      registry,
      LOOKOUT_METRICS.authAttempts,
      'API-key authentication attempts, by result and reason.',
      [result, reason],
    ),
    rateLimitHits: counter(
      registry,
      LOOKOUT_METRICS.rateLimitHits,
      'Requests refused by the rate limiter, by route group.',
      [group],
    ),
    corsRejections: counter(
      registry,
      LOOKOUT_METRICS.corsRejections,
      'Cross-origin requests refused by the CORS allow-list.',
      [],
    ),
    auditEvents: counter(
      registry,
      LOOKOUT_METRICS.auditEvents,
      'Audit records written, by event type.',
      [event],
    ),
    featureFlag: gauge(
      registry,
      LOOKOUT_METRICS.featureFlag,
      '1 for each feature flag that is on, 0 for each that is off.',
      [flag],
    ),
  } as SecurityMetrics;
}

function counter(registry: PromRegistry, name: string, help: string, labelNames: string[]) {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  if (existing !== undefined) throw new TypeError(`Metric ${name} exists but is not a counter`);
  return new Counter({ name, help, labelNames, registers: [registry] });
}

function gauge(registry: PromRegistry, name: string, help: string, labelNames: string[]) {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Gauge) return existing;
  if (existing !== undefined) throw new TypeError(`Metric ${name} exists but is not a gauge`);
  return new Gauge({ name, help, labelNames, registers: [registry] });
}
