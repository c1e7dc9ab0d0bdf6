/** Unit tests of TargetDown, ServiceDown and MetricsAbsent, scrape gaps and stale targets included. */
import { SIDECAR_JOB } from '../../src/labels.ts';
import { LOOKOUT_METRICS, PROMETHEUS_METRICS } from '../../src/metric-names.ts';
import type { InputSeries, UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { series, target } from './series.ts';

const up = (job: string, instance?: string) => series(PROMETHEUS_METRICS.up, target(job, instance));
const buildInfo = (job: string) => series(LOOKOUT_METRICS.buildInfo, target(job));

/** Both example services present and healthy, except where `overrides` says otherwise. */
function services(overrides: Readonly<Record<string, string>> = {}): InputSeries[] {
  const all = {
    [up('orders')]: '1x30',
    [buildInfo('orders')]: '1x30',
    [up('inventory')]: '1x30',
    [buildInfo('inventory')]: '1x30',
    ...overrides,
  };
  return Object.entries(all).map(([name, values]) => ({ series: name, values }));
}

const ORDERS_1 = { job: 'orders', service: 'orders', instance: 'orders-1:3000' };

const ABSENT_DESCRIPTION =
  'Prometheus has had no orders target, or no lookout_build_info from it, for 5m. Every other ' +
  'alert on this service is silent meanwhile.';
const ORDERS_ABSENT = {
  labels: { job: 'orders', service: 'orders', severity: 'critical', symptom: 'true' },
  description: ABSENT_DESCRIPTION,
};

export const TARGET_TESTS: UnitTestFile = {
  name: 'targets',
  ruleFiles: ['targets'],
  tests: [
    {
      name: 'one instance down for 5 minutes is a TargetDown warning, not ServiceDown',
      series: [
        { series: up('orders', 'orders-1:3000'), values: '1 1 1 0x20' },
        { series: up('orders', 'orders-2:3000'), values: '1x23' },
      ],
      alerts: [
        { at: '6m', alert: 'TargetDown', firing: [] },
        {
          at: '10m',
          alert: 'TargetDown',
          firing: [
            {
              labels: { ...ORDERS_1, severity: 'warning', symptom: 'true' },
              description:
                'Scrapes of orders-1:3000 (job orders) have failed for 5m; other instances of ' +
                'the service may still be serving.',
            },
          ],
        },
        { at: '10m', alert: 'ServiceDown', firing: [] },
      ],
    },
    {
      name: 'every instance down for 2 minutes is ServiceDown',
      series: [
        { series: up('orders', 'orders-1:3000'), values: '1 1 0x20' },
        { series: up('orders', 'orders-2:3000'), values: '1 1 0x20' },
      ],
      alerts: [
        { at: '3m', alert: 'ServiceDown', firing: [] },
        {
          at: '5m',
          alert: 'ServiceDown',
          firing: [
            {
              labels: { job: 'orders', service: 'orders', severity: 'critical' },
              description:
                'Every scrape target of orders has failed its scrapes for 2m; no instance is ' +
                'known to be serving.',
            },
          ],
        },
      ],
    },
    {
      name: "a down sidecar is the pipeline alerts' business, not TargetDown's or ServiceDown's",
      series: [{ series: up(SIDECAR_JOB, 'orders-sidecar:8888'), values: '0x20' }],
      alerts: [
        { at: '15m', alert: 'TargetDown', firing: [] },
        { at: '15m', alert: 'ServiceDown', firing: [] },
      ],
    },
    {
      name: 'services with their target and build info present are not absent',
      series: services(),
      alerts: [{ at: '20m', alert: 'MetricsAbsent', firing: [] }],
    },
    {
      name: 'a three-minute scrape gap is not absence',
      series: services({ [up('orders')]: '1x5 _x3 1x20', [buildInfo('orders')]: '1x5 _x3 1x20' }),
      alerts: [
        { at: '8m', alert: 'MetricsAbsent', firing: [] },
        { at: '15m', alert: 'MetricsAbsent', firing: [] },
      ],
    },
    {
      name: 'series missing for longer than the lookback and the hold time fire MetricsAbsent',
      series: services({ [up('orders')]: '1x5 _x25', [buildInfo('orders')]: '1x5 _x25' }),
      alerts: [
        { at: '12m', alert: 'MetricsAbsent', firing: [] },
        { at: '20m', alert: 'MetricsAbsent', firing: [ORDERS_ABSENT] },
      ],
    },
    {
      name: 'a target removed from discovery (stale) fires MetricsAbsent 5 minutes later',
      series: services({ [up('orders')]: '1x5 stale', [buildInfo('orders')]: '1x5 stale' }),
      alerts: [
        { at: '9m', alert: 'MetricsAbsent', firing: [] },
        { at: '12m', alert: 'MetricsAbsent', firing: [ORDERS_ABSENT] },
      ],
    },
    {
      name: "a target that answers without the SDK's metrics fires MetricsAbsent",
      series: services({ [buildInfo('orders')]: '_x30' }),
      alerts: [{ at: '10m', alert: 'MetricsAbsent', firing: [ORDERS_ABSENT] }],
    },
  ],
};
