/** Unit tests of AuthFailureSpike and RateLimitSurge. */
import { LOOKOUT_LABELS, LOOKOUT_METRICS } from '../../src/metric-names.ts';
import type { UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { requestCount, series, target, twoPhases } from './series.ts';

const failures = series(LOOKOUT_METRICS.authAttempts, {
  ...target('orders'),
  [LOOKOUT_LABELS.result]: 'failure',
  [LOOKOUT_LABELS.reason]: 'unknown',
});
const successes = series(LOOKOUT_METRICS.authAttempts, {
  ...target('orders'),
  [LOOKOUT_LABELS.result]: 'success',
  [LOOKOUT_LABELS.reason]: 'ok',
});
const rateLimited = series(LOOKOUT_METRICS.rateLimitHits, {
  ...target('orders'),
  [LOOKOUT_LABELS.group]: 'api',
});

const ORDERS = { job: 'orders', service: 'orders', severity: 'warning', symptom: 'true' };

function spike(perSecond: string) {
  return {
    labels: ORDERS,
    description:
      `orders rejected ${perSecond} authentication attempts/s over the last 5m, more than 4 ` +
      'times their rate over the day before and above 1/s.',
  };
}

export const SECURITY_TESTS: UnitTestFile = {
  name: 'security',
  ruleFiles: ['security'],
  tests: [
    {
      name: 'failures jumping from 0.1/s to 5/s fire AuthFailureSpike and keep it firing',
      series: [
        {
          series: failures,
          values: twoPhases({ rate: 6, minutes: 180 }, { rate: 300, minutes: 60 }),
        },
        { series: successes, values: '0+600x240' },
      ],
      alerts: [
        { at: '183m', alert: 'AuthFailureSpike', firing: [] },
        { at: '190m', alert: 'AuthFailureSpike', firing: [spike('5.00')] },
        { at: '230m', alert: 'AuthFailureSpike', firing: [spike('5.00')] },
      ],
    },
    {
      name: 'a first-ever burst of failures, with no history to compare, still fires',
      series: [
        { series: failures, values: '_x30 0+300x30' },
        { series: successes, values: '0+600x60' },
      ],
      alerts: [{ at: '45m', alert: 'AuthFailureSpike', firing: [spike('5.00')] }],
    },
    {
      name: 'a steady 2 failures/s (a client with an old key) is not a spike',
      series: [{ series: failures, values: '0+120x300' }],
      alerts: [{ at: '300m', alert: 'AuthFailureSpike', firing: [] }],
    },
    {
      name: 'a twentyfold jump that stays under 1 failure/s is not a spike',
      series: [
        {
          series: failures,
          values: twoPhases({ rate: 1, minutes: 120 }, { rate: 30, minutes: 30 }),
        },
      ],
      alerts: [{ at: '145m', alert: 'AuthFailureSpike', firing: [] }],
    },
    {
      name: '20% of requests rate-limited at 2/s for 10 minutes fires RateLimitSurge',
      series: [
        { series: rateLimited, values: '0+120x30' },
        { series: requestCount('orders', '200'), values: '0+480x30' },
        { series: requestCount('orders', '429'), values: '0+120x30' },
      ],
      alerts: [
        { at: '8m', alert: 'RateLimitSurge', firing: [] },
        {
          at: '15m',
          alert: 'RateLimitSurge',
          firing: [
            {
              labels: ORDERS,
              description:
                'The rate limiter of orders refused 20% of its requests over the last 5m ' +
                '(threshold 10%): a client is misbehaving or the limits are too tight for real ' +
                'traffic.',
            },
          ],
        },
      ],
    },
    {
      name: 'half of a tiny service refused (under 1/s) is not a surge',
      series: [
        { series: rateLimited, values: '0+15x30' },
        { series: requestCount('orders', '429'), values: '0+15x30' },
        { series: requestCount('orders', '200'), values: '0+15x30' },
      ],
      alerts: [{ at: '25m', alert: 'RateLimitSurge', firing: [] }],
    },
    {
      name: '5% of a busy service refused is not a surge',
      series: [
        { series: rateLimited, values: '0+300x30' },
        { series: requestCount('orders', '200'), values: '0+5700x30' },
        { series: requestCount('orders', '429'), values: '0+300x30' },
      ],
      alerts: [{ at: '25m', alert: 'RateLimitSurge', firing: [] }],
    },
  ],
};
