/**
 * The multi-window, multi-burn-rate alert windows of the Google SRE workbook (chapter "Alerting
 * on SLOs"). Each pair alerts when the long window has spent a given share of the period's error
 * budget and the short window (1/12 of the long one) shows it is still being spent, so an alert
 * stops soon after the errors do.
 */
import { type Duration, toSeconds } from '../duration.ts';
import type { Severity } from '../severity.ts';

/** One long/short window pair. */
export interface BurnRateWindow {
  readonly long: Duration;
  readonly short: Duration;
  /** Share of the whole period's budget spent within `long` when the alert fires. */
  readonly budgetSpent: number;
  readonly severity: Severity;
}

/**
 * Two pages and two tickets. With a 30-day period the burn factors come out as the workbook's
 * 14.4, 6, 3 and 1.
 */
export const BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  // 2% of the month's budget in one hour: gone in about two days.
  { long: '1h', short: '5m', budgetSpent: 0.02, severity: 'critical' },
  // 5% in six hours: gone in five days.
  { long: '6h', short: '30m', budgetSpent: 0.05, severity: 'critical' },
  // 10% in a day: gone in ten days, a ticket for this week.
  { long: '1d', short: '2h', budgetSpent: 0.1, severity: 'warning' },
  // 10% in three days: on track to miss the objective by the end of the period.
  { long: '3d', short: '6h', budgetSpent: 0.1, severity: 'warning' },
];

/**
 * How many times faster than sustainable the budget burns when `window` fires for `period`:
 * budget share × period / long window. Rounded to 6 significant digits so 14.4 stays 14.4.
 */
export function burnFactor(window: BurnRateWindow, period: Duration): number {
  const factor = (window.budgetSpent * toSeconds(period)) / toSeconds(window.long);
  return Number(factor.toPrecision(6));
}

/** Every distinct window the alerts read, shortest first: one recording rule each. */
export function recordedWindows(windows: readonly BurnRateWindow[]): readonly Duration[] {
  const all = new Set<Duration>(windows.flatMap((w) => [w.long, w.short]));
  return [...all].sort((a, b) => toSeconds(a) - toSeconds(b));
}
