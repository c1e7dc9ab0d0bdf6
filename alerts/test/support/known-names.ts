/**
 * The metric and label names the rules (and the runbooks' queries) may use, all taken from
 * exported constants, and a PromQL walker that lists the names an expression uses.
 */
import type { SyntaxNode } from '@lezer/common';
import * as SIDECAR_NAMES from '@lookout/sidecar/metric-names';
import { parser } from '@prometheus-io/lezer-promql';
import { HTTP_RECORDED, SERVICE_SLOS, SLO_RECORDED, TARGET_LABELS } from '../../src/index.ts';
import {
  HTTP_LABELS,
  HTTP_SERVER_REQUEST_DURATION,
  histogramSeries,
  LOOKOUT_LABELS,
  LOOKOUT_METRICS,
  PROMETHEUS_LABELS,
  PROMETHEUS_METRICS,
  RUNTIME_METRICS,
} from '../../src/metric-names.ts';
import { SECURITY_RECORDED, sloErrorRatio, sloPeriodErrorRatio } from '../../src/recorded-names.ts';
import { COLLECTOR_LABELS } from '../../src/sidecar-metrics.ts';
import { BURN_RATE_WINDOWS, recordedWindows } from '../../src/slo/burn-rate-windows.ts';

// Every string inside a constants object, however deeply nested (per-signal maps included).
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as object).flatMap(strings);
}

/** Names the recording rules may write. */
export const RECORDED = new Set([
  ...strings(HTTP_RECORDED),
  ...strings(SLO_RECORDED),
  ...strings(SECURITY_RECORDED),
  ...recordedWindows(BURN_RATE_WINDOWS).map(sloErrorRatio),
  ...SERVICE_SLOS.map((slo) => sloPeriodErrorRatio(slo.period)),
]);

/** Metric names exported as constants by the SDK, the sidecar and this package. */
export const EXPORTED_METRICS = new Set([
  ...strings(histogramSeries(HTTP_SERVER_REQUEST_DURATION)),
  ...strings(RUNTIME_METRICS),
  ...strings(LOOKOUT_METRICS),
  // The sidecar module's plain string exports are its metric names.
  ...Object.values(SIDECAR_NAMES).filter((value) => typeof value === 'string'),
  ...strings(PROMETHEUS_METRICS),
  ...RECORDED,
]);

/**
 * Labels the rules may match or group on: the SDK's, the collector's, Prometheus's own, the
 * targets', the histogram's `le` and the SLO series' own `slo`.
 */
export const KNOWN_LABELS = new Set([
  ...strings(HTTP_LABELS),
  ...strings(LOOKOUT_LABELS),
  ...strings(COLLECTOR_LABELS),
  ...strings(PROMETHEUS_LABELS),
  ...strings(TARGET_LABELS),
  'le',
  'slo',
]);

/** The names one PromQL expression uses, and its syntax errors. */
export interface PromqlNames {
  readonly metrics: string[];
  readonly labels: string[];
  readonly errors: string[];
}

/** Walks `expr` with Prometheus's own lezer grammar. */
export function namesIn(expr: string): PromqlNames {
  const names: PromqlNames = { metrics: [], labels: [], errors: [] };
  const text = (node: SyntaxNode) => expr.slice(node.from, node.to);
  parser.parse(expr).iterate({
    enter(ref) {
      if (ref.type.isError)
        names.errors.push(`at ${ref.from}: ${expr.slice(ref.from, ref.from + 30)}`);
      if (ref.name === 'Identifier' && ref.node.parent?.name === 'VectorSelector') {
        names.metrics.push(text(ref.node));
      }
      if (ref.name === 'LabelName') names.labels.push(text(ref.node));
    },
  });
  return names;
}
