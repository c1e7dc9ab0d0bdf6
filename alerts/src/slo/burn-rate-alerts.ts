/**
 * The multi-window, multi-burn-rate alerts of one SLI: one rule per window pair, all under one
 * alert name per SLI kind, told apart by their `long_window`/`short_window` labels. Alertmanager
 * groups them by service, and a firing page inhibits the ticket of the same alert.
 */
import { describeSeconds, toSeconds } from '../duration.ts';
import { DASHBOARDS } from '../links.ts';
import { hold, type RenderProfile, range, scaled } from '../profile.ts';
import { num, selector } from '../promql.ts';
import { sloErrorRatio } from '../recorded-names.ts';
import type { AlertSpec } from '../rule-types.ts';
import { HTTP_WINDOW } from '../rules/http-rules.ts';
import { type BurnRateWindow, burnFactor } from './burn-rate-windows.ts';
import { sloSeriesMatchers } from './slo-recording-rules.ts';
import type { SliKind, Slo } from './slo-types.ts';

/** The alert name of each SLI kind. */
export const BURN_RATE_ALERTS: Readonly<Record<SliKind, string>> = {
  availability: 'AvailabilityBudgetBurn',
  latency: 'LatencyBudgetBurn',
};

/** One alert rule per window pair of `slo`. */
export function burnRateAlerts(
  slo: Slo,
  windows: readonly BurnRateWindow[],
  profile: RenderProfile,
): readonly AlertSpec[] {
  return windows.map((window) => burnRateAlert(slo, window, profile));
}

// A page keeps firing for one window of the HTTP threshold alerts after its burn stops. It mutes
// them in Alertmanager (alertmanager.yml) only while it fires, and they trail it: a p99 above 1 s
// outlasts a slow share above the burn threshold by most of their common window, so without this
// a ticket for the same incident would follow the page's resolution. It also keeps a burn that
// hovers at its threshold from paging twice.
function burnRateAlert(slo: Slo, window: BurnRateWindow, profile: RenderProfile): AlertSpec {
  const factor = burnFactor(window, slo.period);
  const threshold = `(${num(factor)} * ${num(1 - slo.objective)})`;
  const matchers = sloSeriesMatchers(slo);
  const long = `${selector(sloErrorRatio(window.long), matchers)} > ${threshold}`;
  const short = `${selector(sloErrorRatio(window.short), matchers)} > ${threshold}`;
  const longText = range(profile, window.long);
  const shortText = range(profile, window.short);
  // Holding for half the short window means one bad scrape interval cannot page on its own.
  const holdSeconds = Math.floor(toSeconds(window.short) / 2);

  return {
    alert: BURN_RATE_ALERTS[slo.kind],
    expr: `${long}\nand\n${short}`,
    for: hold(profile, `${holdSeconds}s`),
    ...(window.severity === 'critical' ? { keepFiringFor: hold(profile, HTTP_WINDOW) } : {}),
    severity: window.severity,
    labels: { slo: slo.kind, long_window: longText, short_window: shortText },
    perService: true,
    fixedService: slo.service,
    symptom: true,
    summary: summaryOf(slo, window, profile),
    description: descriptionOf(slo, factor, longText, shortText, hold(profile, slo.period)),
    dashboard: DASHBOARDS.slo,
  };
}

// The summary says how soon the budget is gone, which is what decides between waking up now and
// looking tomorrow.
function summaryOf(slo: Slo, window: BurnRateWindow, profile: RenderProfile): string {
  const exhaustion = describeSeconds(scaled(profile, slo.period) / burnFactor(window, slo.period));
  const what = slo.kind === 'availability' ? 'failing requests' : 'answering slowly';
  return `{{ $labels.job }} is ${what} fast enough to spend its whole ${slo.kind} error budget in ${exhaustion}`;
}

function descriptionOf(
  slo: Slo,
  factor: number,
  long: string,
  short: string,
  period: string,
): string {
  const bad =
    slo.kind === 'availability'
      ? 'failed with a 5xx status'
      : `took longer than ${num(slo.thresholdSeconds ?? 0)}s`;
  const allowed = `${num((1 - slo.objective) * 100)}%`;
  return (
    `{{ $value | humanizePercentage }} of {{ $labels.job }} requests ${bad} over the last ${long} ` +
    `(the last ${short} agree). The ${num(slo.objective * 100)}% objective allows ${allowed}; ` +
    `this burns the ${period} error budget at least ${num(factor)} times too fast.`
  );
}
