/** Unit tests of the HTTP recordings and of HighErrorRatio, LatencyP99High, LatencyRegression. */
import { HTTP_RECORDED } from '../../src/recorded-names.ts';
import type { ExpectedAlert, UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { histogram, requestBucket, requestCount, twoPhases } from './series.ts';

const ORDERS = { job: 'orders', service: 'orders', symptom: 'true' };

function errorRatio(severity: string, description: string): ExpectedAlert {
  return { labels: { ...ORDERS, severity }, description };
}

const TEN_PERCENT =
  '10% of orders requests failed with a 5xx status over the last 5m (threshold 5%).';

export const HTTP_TESTS: UnitTestFile = {
  name: 'http',
  ruleFiles: ['http'],
  tests: [
    {
      name: 'a healthy service records a zero error ratio and fires nothing',
      series: [{ series: requestCount('orders', '200'), values: '0+60x30' }],
      exprs: [
        {
          at: '10m',
          expr: HTTP_RECORDED.errorRatio,
          samples: [{ labels: `${HTTP_RECORDED.errorRatio}{job="orders"}`, value: 0 }],
        },
        {
          at: '10m',
          expr: HTTP_RECORDED.requestRate,
          samples: [{ labels: `${HTTP_RECORDED.requestRate}{job="orders"}`, value: 1 }],
        },
      ],
      alerts: [{ at: '30m', alert: 'HighErrorRatio', firing: [] }],
    },
    {
      name: '10% of requests failing fires the warning after 5 minutes, not the critical',
      series: [
        { series: requestCount('orders', '200'), values: '0+54x30' },
        { series: requestCount('orders', '500'), values: '0+6x30' },
      ],
      alerts: [
        { at: '4m', alert: 'HighErrorRatio', firing: [] },
        { at: '10m', alert: 'HighErrorRatio', firing: [errorRatio('warning', TEN_PERCENT)] },
      ],
    },
    {
      name: 'a third of requests failing fires both tiers',
      series: [
        { series: requestCount('orders', '200'), values: '0+40x30' },
        { series: requestCount('orders', '503'), values: '0+20x30' },
      ],
      alerts: [
        {
          at: '10m',
          alert: 'HighErrorRatio',
          firing: [
            errorRatio(
              'warning',
              '33.33% of orders requests failed with a 5xx status over the last 5m (threshold 5%).',
            ),
            errorRatio(
              'critical',
              '33.33% of orders requests failed with a 5xx status over the last 5m (threshold 25%).',
            ),
          ],
        },
      ],
    },
    {
      name: 'half of very few requests failing is not an alert',
      series: [
        { series: requestCount('orders', '200'), values: '0+3x30' },
        { series: requestCount('orders', '500'), values: '0+3x30' },
      ],
      alerts: [{ at: '20m', alert: 'HighErrorRatio', firing: [] }],
    },
    {
      name: 'client errors (4xx) are not failures of the service',
      series: [
        { series: requestCount('orders', '200'), values: '0+30x30' },
        { series: requestCount('orders', '404'), values: '0+30x30' },
      ],
      alerts: [{ at: '20m', alert: 'HighErrorRatio', firing: [] }],
    },
    {
      name: 'a two-minute scrape gap does not interrupt a firing error alert',
      series: [
        { series: requestCount('orders', '200'), values: '0+54x10 _x2 702+54x17' },
        { series: requestCount('orders', '500'), values: '0+6x10 _x2 78+6x17' },
      ],
      alerts: [
        { at: '10m', alert: 'HighErrorRatio', firing: [errorRatio('warning', TEN_PERCENT)] },
        { at: '13m', alert: 'HighErrorRatio', firing: [errorRatio('warning', TEN_PERCENT)] },
      ],
    },
    {
      name: 'a restart with a scrape gap and counter reset is not an error burst',
      series: [
        { series: requestCount('orders', '200'), values: '0+60x10 _x10 0+60x20' },
        { series: requestCount('orders', '500'), values: '0x10 _x10 0x20' },
      ],
      alerts: [
        { at: '22m', alert: 'HighErrorRatio', firing: [] },
        { at: '35m', alert: 'HighErrorRatio', firing: [] },
      ],
    },
    ...latencyTests(),
  ],
};

// Per minute, of 60 requests: 57 within 1 s and 3 between 1 s and 2.5 s, so the p99 interpolates
// to 2.2 s. Healthy: all 100 within 100 ms.
function latencyTests(): UnitTestFile['tests'] {
  const slow = { '0.1': 50, '0.25': 54, '0.5': 56, '1': 57, '2.5': 60 };
  const fast = { '0.1': 100, '0.25': 100, '0.5': 100, '1': 100, '2.5': 100 };
  return [
    {
      name: 'a p99 of 2.2s for 10 minutes fires LatencyP99High',
      series: histogram('orders', slow, 30),
      alerts: [
        { at: '8m', alert: 'LatencyP99High', firing: [] },
        {
          at: '15m',
          alert: 'LatencyP99High',
          firing: [
            {
              labels: { ...ORDERS, severity: 'warning' },
              description:
                'The 99th percentile of orders request durations is 2.2s over the last 5m ' +
                '(threshold 1s).',
            },
          ],
        },
      ],
    },
    {
      name: 'a p99 within 100ms fires no latency alert',
      series: histogram('orders', fast, 30),
      alerts: [
        { at: '30m', alert: 'LatencyP99High', firing: [] },
        { at: '30m', alert: 'LatencyRegression', firing: [] },
      ],
    },
    ...regressionTests(),
  ];
}

// Two hours at a p99 of 235 ms, then an hour at 950 ms: four times slower, yet under the
// absolute 1 s threshold, so only the regression alert can see it.
function regressionTests(): UnitTestFile['tests'] {
  const before = { '0.1': 90, '0.25': 100, '0.5': 100, '1': 100 };
  const after = { '0.1': 90, '0.25': 90, '0.5': 90, '1': 100 };
  const phases = Object.entries(before).map(([le, count]) => ({
    series: requestBucket('orders', '200', le),
    values: twoPhases(
      { rate: count, minutes: 120 },
      { rate: after[le as keyof typeof after], minutes: 60 },
    ),
  }));
  const totals = ['+Inf', undefined].map((le) => ({
    series: le === undefined ? requestCount('orders', '200') : requestBucket('orders', '200', le),
    values: '0+100x180',
  }));
  return [
    {
      name: 'a p99 four times its usual value for 15 minutes fires LatencyRegression',
      series: [...phases, ...totals],
      alerts: [
        { at: '130m', alert: 'LatencyRegression', firing: [] },
        {
          at: '150m',
          alert: 'LatencyRegression',
          firing: [
            {
              labels: { ...ORDERS, severity: 'warning' },
              description:
                'The 99th percentile of orders request durations is 950ms; over the last 1d ' +
                'it was usually 235ms.',
            },
          ],
        },
        { at: '150m', alert: 'LatencyP99High', firing: [] },
      ],
    },
    {
      name: 'a service that has always had a 950ms p99 has not regressed',
      series: histogram('orders', after, 180),
      alerts: [{ at: '150m', alert: 'LatencyRegression', firing: [] }],
    },
  ];
}
