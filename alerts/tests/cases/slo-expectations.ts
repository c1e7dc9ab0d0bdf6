/** Expected labels and descriptions of the SLO alerts, shared by both SLO test files. */
import type { ExpectedAlert } from '../../src/unit-tests/unit-test-types.ts';
import { requestCount } from './series.ts';

/** A burn-rate window pair, as the alert labels spell it. */
export type Window = readonly [long: string, short: string];
export const PAGE_1H: Window = ['1h', '5m'];
export const PAGE_6H: Window = ['6h', '30m'];
export const TICKET_1D: Window = ['1d', '2h'];
export const TICKET_3D: Window = ['3d', '6h'];

/** The availability burn-rate alert's name. */
export const BURN = 'AvailabilityBudgetBurn';

/** The labels of one burn-rate alert. */
export function burn(job: string, slo: string, [long, short]: Window): Record<string, string> {
  const severity = long === '1h' || long === '6h' ? 'critical' : 'warning';
  return {
    job,
    service: job,
    symptom: 'true',
    severity,
    slo,
    long_window: long,
    short_window: short,
  };
}

// Burn factors of a 30-day period, as the descriptions print them.
const FACTORS: Record<string, string> = { '1h': '14.4', '6h': '6', '1d': '3', '3d': '1' };

/** An orders availability alert of `window` whose long window measured `percent` errors. */
export function ordersAvailability(window: Window, percent: string): ExpectedAlert {
  const [long, short] = window;
  return {
    labels: burn('orders', 'availability', window),
    description:
      `${percent} of orders requests failed with a 5xx status over the last ${long} (the last ` +
      `${short} agree). The 99.9% objective allows 0.1%; this burns the 30d error budget at ` +
      `least ${FACTORS[long]} times too fast.`,
  };
}

/** An orders latency alert of `window` whose long window measured `percent` slow requests. */
export function ordersLatency(window: Window, percent: string): ExpectedAlert {
  const [long, short] = window;
  return {
    labels: burn('orders', 'latency', window),
    description:
      `${percent} of orders requests took longer than 0.5s over the last ${long} (the last ` +
      `${short} agree). The 99% objective allows 1%; this burns the 30d error budget at least ` +
      `${FACTORS[long]} times too fast.`,
  };
}

/** 200s and 500s of orders, per minute, for `minutes` minutes. */
export function ordersTraffic(ok: number, failed: number, minutes: number) {
  return [
    { series: requestCount('orders', '200'), values: `0+${ok}x${minutes}` },
    { series: requestCount('orders', '500'), values: `0+${failed}x${minutes}` },
  ];
}
