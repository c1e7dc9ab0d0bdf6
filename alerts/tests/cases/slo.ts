/**
 * Unit tests of the SLO recordings and the page windows of the burn-rate alerts, over the real
 * production windows, evaluated every minute. The ticket windows, which need hours of samples,
 * are in slo-slow-burn.ts.
 */
import { SLO_RECORDED, sloErrorRatio, sloPeriodErrorRatio } from '../../src/recorded-names.ts';
import type { UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { histogram, requestCount } from './series.ts';
import {
  BURN,
  burn,
  ordersAvailability,
  ordersLatency,
  ordersTraffic,
  PAGE_1H,
  PAGE_6H,
} from './slo-expectations.ts';

export const SLO_TESTS: UnitTestFile = {
  name: 'slo',
  ruleFiles: ['slo'],
  tests: [
    {
      name: 'the SLO recordings read 0 errors, the objective and the whole budget left',
      // No 5xx series at all: a service that never failed must read 0, not nothing.
      series: [{ series: requestCount('orders', '200'), values: '0+60x60' }],
      exprs: [
        {
          at: '30m',
          expr: `${sloErrorRatio('1h')}{job="orders"}`,
          samples: [
            { labels: `${sloErrorRatio('1h')}{job="orders", slo="availability"}`, value: 0 },
          ],
        },
        {
          at: '30m',
          expr: `${SLO_RECORDED.objective}{job="orders"}`,
          samples: [
            { labels: `${SLO_RECORDED.objective}{job="orders", slo="availability"}`, value: 0.999 },
            { labels: `${SLO_RECORDED.objective}{job="orders", slo="latency"}`, value: 0.99 },
          ],
        },
        {
          at: '30m',
          expr: `${SLO_RECORDED.budgetRemaining}{job="orders"}`,
          samples: [
            {
              labels: `${SLO_RECORDED.budgetRemaining}{job="orders", slo="availability"}`,
              value: 1,
            },
          ],
        },
      ],
    },
    {
      name: 'errors at half the allowed rate leave half of the budget',
      series: ordersTraffic(1999, 1, 60),
      exprs: [
        {
          at: '60m',
          expr: `${sloPeriodErrorRatio('30d')}{job="orders"}`,
          samples: [
            {
              labels: `${sloPeriodErrorRatio('30d')}{job="orders", slo="availability"}`,
              value: 0.0005,
            },
          ],
        },
        {
          at: '60m',
          expr: `${SLO_RECORDED.budgetRemaining}{job="orders"}`,
          samples: [
            {
              labels: `${SLO_RECORDED.budgetRemaining}{job="orders", slo="availability"}`,
              value: 0.5,
            },
          ],
        },
      ],
    },
    {
      name: '3.3% errors page within minutes on the 1h window, then on the 6h window',
      series: ordersTraffic(58, 2, 40),
      alerts: [
        { at: '3m', alert: BURN, firing: [] },
        { at: '5m', alert: BURN, firing: [ordersAvailability(PAGE_1H, '3.333%')] },
        {
          at: '40m',
          alert: BURN,
          firing: [ordersAvailability(PAGE_1H, '3.333%'), ordersAvailability(PAGE_6H, '3.333%')],
        },
      ],
    },
    {
      name: 'when errors stop, the 1h page resolves within its 5m window while the 6h page holds',
      series: [
        { series: requestCount('orders', '200'), values: '0+54x30 1620+60x30' },
        { series: requestCount('orders', '500'), values: '0+6x30 180x30' },
      ],
      alerts: [
        {
          at: '25m',
          alert: BURN,
          firing: [ordersAvailability(PAGE_1H, '10%'), ordersAvailability(PAGE_6H, '10%')],
        },
        // Rate extrapolation over the partial 6h window reads 7.692% rather than 7.5%.
        { at: '40m', alert: BURN, firing: [ordersAvailability(PAGE_6H, '7.692%')] },
      ],
    },
    {
      // The 5m window empties at 25m; the page is kept firing for 5m more (keep_firing_for), so
      // a gap shorter than that never resolves it, and this one does only from 30m on.
      name: 'a scrape gap pauses the 1h page once its kept 5m run out; the 6h page rides it out',
      series: [
        { series: requestCount('orders', '200'), values: '0+58x20 _x12 1914+58x20' },
        { series: requestCount('orders', '500'), values: '0+2x20 _x12 66+2x20' },
      ],
      alerts: [
        {
          at: '20m',
          alert: BURN,
          firing: [ordersAvailability(PAGE_1H, '3.333%'), ordersAvailability(PAGE_6H, '3.333%')],
        },
        {
          at: '27m',
          alert: BURN,
          firing: [ordersAvailability(PAGE_1H, '3.333%'), ordersAvailability(PAGE_6H, '3.333%')],
        },
        { at: '31m', alert: BURN, firing: [ordersAvailability(PAGE_6H, '3.333%')] },
        {
          at: '40m',
          alert: BURN,
          firing: [ordersAvailability(PAGE_1H, '3.333%'), ordersAvailability(PAGE_6H, '3.333%')],
        },
      ],
    },
    {
      name: 'a restart behind a scrape gap resets the counters without spending budget',
      series: [
        { series: requestCount('orders', '200'), values: '0+60x20 _x10 0+60x30' },
        { series: requestCount('orders', '500'), values: '0x20 _x10 0x30' },
      ],
      alerts: [
        { at: '35m', alert: BURN, firing: [] },
        { at: '60m', alert: BURN, firing: [] },
      ],
    },
    ...latencyTests(),
    ...inventoryTests(),
  ],
};

// Orders' latency SLO: 99% within 0.5 s. 20% slower than that burns the budget 20 times too fast.
function latencyTests(): UnitTestFile['tests'] {
  return [
    {
      name: '20% of requests slower than 0.5s page on the latency budget',
      series: histogram('orders', { '0.25': 60, '0.5': 80, '1': 100 }, 40),
      alerts: [
        {
          at: '30m',
          alert: 'LatencyBudgetBurn',
          firing: [ordersLatency(PAGE_1H, '20%'), ordersLatency(PAGE_6H, '20%')],
        },
      ],
    },
    {
      name: 'requests slower than 0.25s but within 0.5s spend no latency budget',
      series: histogram('orders', { '0.25': 10, '0.5': 100, '1': 100 }, 40),
      exprs: [
        {
          at: '30m',
          expr: `${sloErrorRatio('5m')}{job="orders", slo="latency"}`,
          samples: [{ labels: `${sloErrorRatio('5m')}{job="orders", slo="latency"}`, value: 0 }],
        },
      ],
      alerts: [{ at: '30m', alert: 'LatencyBudgetBurn', firing: [] }],
    },
  ];
}

// Inventory has its own, looser objective: 99.5%, so the 1h page needs more than 7.2% errors.
function inventoryTests(): UnitTestFile['tests'] {
  const traffic = (ok: number, failed: number) => [
    { series: requestCount('inventory', '200'), values: `0+${ok}x30` },
    { series: requestCount('inventory', '500'), values: `0+${failed}x30` },
  ];
  return [
    {
      name: "5% errors page orders' objective but not inventory's 1h window",
      series: traffic(95, 5),
      alerts: [
        {
          at: '20m',
          alert: BURN,
          firing: [
            {
              labels: burn('inventory', 'availability', PAGE_6H),
              description:
                '5% of inventory requests failed with a 5xx status over the last 6h (the last ' +
                '30m agree). The 99.5% objective allows 0.5%; this burns the 30d error budget ' +
                'at least 6 times too fast.',
            },
          ],
        },
      ],
    },
    {
      name: '10% inventory errors page on its 1h window too',
      series: traffic(90, 10),
      alerts: [
        {
          at: '5m',
          alert: BURN,
          firing: [
            {
              labels: burn('inventory', 'availability', PAGE_1H),
              description:
                '10% of inventory requests failed with a 5xx status over the last 1h (the last ' +
                '5m agree). The 99.5% objective allows 0.5%; this burns the 30d error budget ' +
                'at least 14.4 times too fast.',
            },
          ],
        },
      ],
    },
  ];
}
