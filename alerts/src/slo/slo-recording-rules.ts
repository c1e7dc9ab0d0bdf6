/**
 * Recording rules of one SLI: its error ratio over every alert window, the objective, and the
 * budget left over the SLO period. The burn-rate alerts and the SLO dashboard read these.
 */
import type { Duration } from '../duration.ts';
import { TARGET_LABELS } from '../labels.ts';
import { type RenderProfile, range } from '../profile.ts';
import { eq, num, selector } from '../promql.ts';
import { SLO_RECORDED, sloErrorRatio, sloPeriodErrorRatio } from '../recorded-names.ts';
import type { RecordingRule } from '../rule-types.ts';
import { type BurnRateWindow, recordedWindows } from './burn-rate-windows.ts';
import { errorRatioExpr } from './sli-expressions.ts';
import type { Slo } from './slo-types.ts';

/** The label matchers that pick one SLI's recorded series. */
export function sloSeriesMatchers(slo: Slo): readonly string[] {
  return [eq(TARGET_LABELS.service, slo.service), eq('slo', slo.kind)];
}

/** Every recording rule of `slo`, shortest window first. */
export function sloRecordingRules(
  slo: Slo,
  windows: readonly BurnRateWindow[],
  profile: RenderProfile,
): readonly RecordingRule[] {
  // `job` is in the results already; stating it keeps the rules of two services with the same
  // record name and labels from looking like duplicates to promtool.
  const labels = { [TARGET_LABELS.service]: slo.service, slo: slo.kind };
  const recorded = recordedWindows(windows);
  const ratios = recorded.map((window) => ({
    record: sloErrorRatio(window),
    expr: errorRatioExpr(slo, range(profile, window)),
    labels,
  }));
  const [shortest = '5m'] = recorded;
  return [...ratios, ...budgetRules(slo, shortest, profile)];
}

// The period's error ratio averages the shortest recorded ratio instead of taking a 30-day rate of
// the raw counters: one series per SLI to read instead of every route's and status code's.
function budgetRules(slo: Slo, shortest: Duration, profile: RenderProfile): RecordingRule[] {
  const matchers = sloSeriesMatchers(slo);
  const periodRatio = sloPeriodErrorRatio(slo.period);
  const base = selector(sloErrorRatio(shortest), matchers);
  return [
    {
      record: periodRatio,
      expr: `avg_over_time(${base}[${range(profile, slo.period)}])`,
      labels: { [TARGET_LABELS.service]: slo.service, slo: slo.kind },
    },
    {
      record: SLO_RECORDED.objective,
      expr: `vector(${num(slo.objective)})`,
      labels: { [TARGET_LABELS.service]: slo.service, slo: slo.kind },
    },
    {
      record: SLO_RECORDED.budgetRemaining,
      expr: `1 - ${selector(periodRatio, matchers)} / ${num(1 - slo.objective)}`,
      labels: { [TARGET_LABELS.service]: slo.service, slo: slo.kind },
    },
  ];
}
