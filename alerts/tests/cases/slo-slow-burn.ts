/**
 * Unit tests of the ticket windows (1d/2h and 3d/6h) of the burn-rate alerts. They need hours of
 * samples, so this file evaluates every 5 minutes instead of every minute: hold times of an hour
 * and more lose nothing to the coarser step, and promtool finishes in a fraction of the time.
 */
import type { UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { histogram, requestCount } from './series.ts';
import {
  BURN,
  ordersAvailability,
  ordersLatency,
  ordersTraffic,
  TICKET_1D,
  TICKET_3D,
} from './slo-expectations.ts';

export const SLO_SLOW_BURN_TESTS: UnitTestFile = {
  name: 'slo-slow-burn',
  ruleFiles: ['slo'],
  evaluationInterval: '5m',
  tests: [
    {
      name: '0.5% errors open both tickets after their hold time and page nobody',
      series: ordersTraffic(199, 1, 300),
      alerts: [
        { at: '50m', alert: BURN, firing: [] },
        { at: '90m', alert: BURN, firing: [ordersAvailability(TICKET_1D, '0.5%')] },
        {
          at: '300m',
          alert: BURN,
          firing: [ordersAvailability(TICKET_1D, '0.5%'), ordersAvailability(TICKET_3D, '0.5%')],
        },
      ],
    },
    {
      name: 'a one-minute spike of 20% errors after a quiet seven hours pages nobody',
      series: [
        { series: requestCount('orders', '200'), values: '0+100x480' },
        { series: requestCount('orders', '500'), values: '0x420 25x60' },
      ],
      alerts: [
        { at: '425m', alert: BURN, firing: [] },
        { at: '450m', alert: BURN, firing: [] },
      ],
    },
    {
      name: '4% of requests slower than 0.5s open both latency tickets and page nobody',
      series: histogram('orders', { '0.25': 90, '0.5': 96, '1': 100 }, 200),
      alerts: [
        { at: '50m', alert: 'LatencyBudgetBurn', firing: [] },
        {
          at: '200m',
          alert: 'LatencyBudgetBurn',
          firing: [ordersLatency(TICKET_1D, '4%'), ordersLatency(TICKET_3D, '4%')],
        },
      ],
    },
  ],
};
