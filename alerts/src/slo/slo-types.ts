/**
 * The typed SLO definition: one per service, stating what "good" means for its requests. The
 * generator turns it into recording rules and multi-window, multi-burn-rate alerts.
 */
import type { Duration } from '../duration.ts';

/** Availability: the share of requests that did not fail with a 5xx status. */
export interface AvailabilityObjective {
  /** Target share of good requests over the period, e.g. `0.999`. */
  readonly objective: number;
}

/** Latency: the share of requests answered within a histogram bucket boundary. */
export interface LatencyObjective {
  /** Target share of requests faster than the threshold, e.g. `0.99`. */
  readonly objective: number;
  /**
   * Seconds; must be one of the HTTP duration histogram's bucket boundaries, because the SLI
   * reads that bucket's cumulative count (`le="<threshold>"`).
   */
  readonly thresholdSeconds: number;
}

/** One service's SLOs. */
export interface ServiceSloDefinition {
  /** The service's `job` label value. */
  readonly service: string;
  /** The error budget's period; 30d in the SRE workbook, and the burn windows assume it. */
  readonly period: Duration;
  /**
   * Label matchers that narrow which requests count, e.g. leaving out unmatched routes, whose
   * 404s say nothing about the service's health.
   */
  readonly matchers: readonly string[];
  readonly availability: AvailabilityObjective;
  readonly latency: LatencyObjective;
}

/** The two SLI kinds; also the value of the `slo` label on every SLO series and alert. */
export type SliKind = 'availability' | 'latency';

/** One SLI of one service, as the rule builders consume it. */
export interface Slo {
  readonly service: string;
  readonly kind: SliKind;
  readonly objective: number;
  readonly period: Duration;
  readonly matchers: readonly string[];
  /** Only for latency SLIs. */
  readonly thresholdSeconds?: number;
}

/** Splits a service's definition into its two SLIs. */
export function slosOf(definition: ServiceSloDefinition): readonly Slo[] {
  const shared = {
    service: definition.service,
    period: definition.period,
    matchers: definition.matchers,
  };
  return [
    { ...shared, kind: 'availability', objective: definition.availability.objective },
    {
      ...shared,
      kind: 'latency',
      objective: definition.latency.objective,
      thresholdSeconds: definition.latency.thresholdSeconds,
    },
  ];
}
