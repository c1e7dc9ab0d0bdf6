/** Unit tests of EventLoopDelayHigh, HeapNearLimit and FrequentRestarts. */
import { RUNTIME_METRICS } from '../../src/metric-names.ts';
import type { UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { series, target } from './series.ts';

const ORDERS_1 = { ...target('orders'), service: 'orders' };
const lag = series(RUNTIME_METRICS.eventLoopLagP99, target('orders'));
const heapUsed = series(RUNTIME_METRICS.heapUsed, target('orders'));
const heapLimit = series(RUNTIME_METRICS.heapSizeLimit, target('orders'));
const startTime = series(RUNTIME_METRICS.startTime, target('orders'));

function heap(used: string) {
  return [
    { series: heapUsed, values: used },
    { series: heapLimit, values: '1000000000x30' },
  ];
}

function heapAlert(severity: string, percent: string, threshold: string, hold: string) {
  return {
    labels: { ...ORDERS_1, severity, symptom: 'true' },
    description:
      `orders on orders-1:3000 uses ${percent} of its heap limit (threshold ${threshold} for ` +
      `${hold}).`,
  };
}

function restarts(times: string) {
  return {
    labels: { ...ORDERS_1, severity: 'warning' },
    description: `orders on orders-1:3000 restarted ${times} times in the last 30m.`,
  };
}

export const RUNTIME_TESTS: UnitTestFile = {
  name: 'runtime',
  ruleFiles: ['runtime'],
  tests: [
    {
      name: 'a p99 event-loop delay of 500ms for 5 minutes fires EventLoopDelayHigh',
      series: [{ series: lag, values: '0.5x15' }],
      alerts: [
        { at: '3m', alert: 'EventLoopDelayHigh', firing: [] },
        {
          at: '10m',
          alert: 'EventLoopDelayHigh',
          firing: [
            {
              labels: { ...ORDERS_1, severity: 'warning', symptom: 'true' },
              description:
                'The p99 event-loop delay of orders on orders-1:3000 is 500ms (threshold 0.2s) ' +
                'and has stayed above it for 5m.',
            },
          ],
        },
      ],
    },
    {
      name: 'a single two-second stall between healthy scrapes does not fire',
      series: [{ series: lag, values: '0.02x5 2 0.02x10' }],
      alerts: [
        { at: '6m', alert: 'EventLoopDelayHigh', firing: [] },
        { at: '12m', alert: 'EventLoopDelayHigh', firing: [] },
      ],
    },
    {
      name: 'a heap at 90% of its limit fires the warning after 15 minutes, never the critical',
      series: heap('900000000x30'),
      alerts: [
        { at: '10m', alert: 'HeapNearLimit', firing: [] },
        { at: '20m', alert: 'HeapNearLimit', firing: [heapAlert('warning', '90%', '85%', '15m')] },
      ],
    },
    {
      name: 'a heap at 97% fires the critical after 5 minutes, before the warning',
      series: heap('970000000x30'),
      alerts: [
        { at: '7m', alert: 'HeapNearLimit', firing: [heapAlert('critical', '97%', '95%', '5m')] },
        {
          at: '20m',
          alert: 'HeapNearLimit',
          firing: [
            heapAlert('warning', '97%', '85%', '15m'),
            heapAlert('critical', '97%', '95%', '5m'),
          ],
        },
      ],
    },
    {
      name: 'a heap at half its limit fires nothing',
      series: heap('500000000x30'),
      alerts: [{ at: '30m', alert: 'HeapNearLimit', firing: [] }],
    },
    {
      name: 'three restarts within 30 minutes fire, scrape gaps around them included',
      series: [{ series: startTime, values: '100 _ 160 _ 220 _ 280x10' }],
      alerts: [
        { at: '3m', alert: 'FrequentRestarts', firing: [] },
        { at: '8m', alert: 'FrequentRestarts', firing: [restarts('3')] },
      ],
    },
    {
      name: 'one restart (a deploy) does not fire, and old restarts age out of the window',
      series: [
        { series: startTime, values: '100 160 220 280x50' },
        { series: series(RUNTIME_METRICS.startTime, target('inventory')), values: '100x5 400x20' },
      ],
      alerts: [
        { at: '10m', alert: 'FrequentRestarts', firing: [restarts('3')] },
        { at: '40m', alert: 'FrequentRestarts', firing: [] },
      ],
    },
  ],
};
