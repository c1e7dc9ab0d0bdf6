/**
 * Unit tests of the sidecar alerts: down, refusing, dropping, failing exports, queue filling.
 */
import { SIDECAR_JOB } from '../../src/labels.ts';
import {
  PROMETHEUS_LABELS,
  PROMETHEUS_METRICS,
  REMOTE_WRITE_HANDLER,
} from '../../src/metric-names.ts';
import {
  COLLECTOR_COMPONENTS,
  COLLECTOR_LABELS,
  COLLECTOR_METRICS,
} from '../../src/sidecar-metrics.ts';
import type { UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { series, target } from './series.ts';

const SIDECAR = target(SIDECAR_JOB, 'orders-sidecar:8888');
const TEMPO_EXPORTER = COLLECTOR_COMPONENTS.tracesExporter;
const TEMPO = { ...SIDECAR, [COLLECTOR_LABELS.exporter]: TEMPO_EXPORTER };
const LABELS = { ...SIDECAR, service: SIDECAR_JOB, severity: 'warning' };
const TEMPO_LABELS = { ...LABELS, [COLLECTOR_LABELS.exporter]: TEMPO_EXPORTER };

const refused = (signal: 'spans' | 'log_records') =>
  series(COLLECTOR_METRICS.receiverRefused[signal], {
    ...SIDECAR,
    [COLLECTOR_LABELS.receiver]: COLLECTOR_COMPONENTS.otlpReceiver,
  });
const PROMETHEUS = target('prometheus', 'localhost:9090');
const httpRequests = (handler: string, code: string) =>
  series(PROMETHEUS_METRICS.httpRequests, {
    ...PROMETHEUS,
    [PROMETHEUS_LABELS.handler]: handler,
    [PROMETHEUS_LABELS.code]: code,
  });
const writes = (code: string) => httpRequests(REMOTE_WRITE_HANDLER, code);
const sent = series(COLLECTOR_METRICS.exporterSent.spans, TEMPO);
const failed = series(COLLECTOR_METRICS.exporterSendFailed.spans, TEMPO);

function refusing(signal: string, perSecond: string) {
  return {
    labels: { ...LABELS, signal },
    description:
      `The sidecar orders-sidecar:8888 refused ${perSecond} ${signal}/s over the last 5m; its ` +
      'memory limiter is pushing back and senders may drop what it refuses.',
  };
}

function exportFailing(percent: string) {
  return {
    labels: { ...TEMPO_LABELS, signal: 'spans' },
    description:
      `Exporter otlp_http/tempo on orders-sidecar:8888 gave up on ${percent} of its spans over the ` +
      'last 5m (threshold 5%): retries ran out or the backend rejected them.',
  };
}

export const PIPELINE_TESTS: UnitTestFile = {
  name: 'pipeline',
  ruleFiles: ['pipeline'],
  tests: [
    {
      name: 'a sidecar that fails its scrapes for 2 minutes fires SidecarDown',
      series: [
        { series: series(PROMETHEUS_METRICS.up, SIDECAR), values: '1 1 0x10' },
        {
          series: series(PROMETHEUS_METRICS.up, target(SIDECAR_JOB, 'inventory-sidecar:8888')),
          values: '1x12',
        },
      ],
      alerts: [
        { at: '3m', alert: 'SidecarDown', firing: [] },
        {
          at: '5m',
          alert: 'SidecarDown',
          firing: [
            {
              labels: { ...SIDECAR, service: SIDECAR_JOB, severity: 'critical' },
              description:
                'Prometheus has failed to scrape the sidecar orders-sidecar:8888 for 2m. Spans ' +
                'and logs its service sends are refused meanwhile.',
            },
          ],
        },
      ],
    },
    {
      name: 'refusing spans and log records for 5 minutes fires one alert per signal',
      series: [
        { series: refused('spans'), values: '0+30x20' },
        { series: refused('log_records'), values: '0+90x20' },
      ],
      alerts: [
        { at: '4m', alert: 'SidecarRefusingData', firing: [] },
        {
          at: '10m',
          alert: 'SidecarRefusingData',
          firing: [refusing('spans', '0.50'), refusing('log_records', '1.50')],
        },
      ],
    },
    {
      name: 'refusals that stopped fire nothing once they leave the window',
      series: [{ series: refused('spans'), values: '0 30 60x20' }],
      alerts: [{ at: '15m', alert: 'SidecarRefusingData', firing: [] }],
    },
    {
      name: 'one full-queue drop fires SidecarDroppingData at once',
      series: [
        {
          series: series(COLLECTOR_METRICS.exporterEnqueueFailed.spans, TEMPO),
          values: '0x5 120x10',
        },
      ],
      alerts: [
        { at: '4m', alert: 'SidecarDroppingData', firing: [] },
        {
          at: '7m',
          alert: 'SidecarDroppingData',
          firing: [
            {
              labels: { ...TEMPO_LABELS, signal: 'spans', reason: 'queue_full' },
              description:
                'Exporter otlp_http/tempo on orders-sidecar:8888 dropped 0.40 spans/s over the last ' +
                '5m because its sending queue was full. This data is lost.',
            },
          ],
        },
        { at: '15m', alert: 'SidecarDroppingData', firing: [] },
      ],
    },
    {
      name: 'remote writes Prometheus answers with 400 fire RemoteWriteRejected per status code',
      series: [
        { series: writes('204'), values: '0+600x15' },
        { series: writes('400'), values: '0x5 6+6x9' },
      ],
      alerts: [
        { at: '5m', alert: 'RemoteWriteRejected', firing: [] },
        {
          at: '10m',
          alert: 'RemoteWriteRejected',
          firing: [
            {
              labels: { ...PROMETHEUS, service: 'prometheus', code: '400', severity: 'warning' },
              description:
                'Prometheus localhost:9090 answered 0.10 remote writes/s with HTTP 400 over the ' +
                'last 5m. The sidecar that sent them re-sends the rejected batch and its metrics ' +
                'stop reaching Prometheus behind it.',
            },
          ],
        },
      ],
    },
    {
      name: 'remote writes that all succeed, and 4xx on other handlers, fire nothing',
      series: [
        { series: writes('204'), values: '0+600x15' },
        { series: httpRequests('/api/v1/query', '400'), values: '0+60x15' },
      ],
      alerts: [{ at: '10m', alert: 'RemoteWriteRejected', firing: [] }],
    },
    {
      name: 'giving up on 9% of spans for 10 minutes fires SidecarExporterFailing',
      series: [
        { series: sent, values: '0+600x20' },
        { series: failed, values: '0+60x20' },
      ],
      alerts: [
        { at: '8m', alert: 'SidecarExporterFailing', firing: [] },
        { at: '15m', alert: 'SidecarExporterFailing', firing: [exportFailing('9.091%')] },
      ],
    },
    {
      name: 'a backend down since start (nothing ever sent) still fires SidecarExporterFailing',
      series: [{ series: failed, values: '0+60x20' }],
      alerts: [{ at: '15m', alert: 'SidecarExporterFailing', firing: [exportFailing('100%')] }],
    },
    {
      name: 'giving up on 1% of spans is not failing',
      series: [
        { series: sent, values: '0+990x20' },
        { series: failed, values: '0+10x20' },
      ],
      alerts: [{ at: '20m', alert: 'SidecarExporterFailing', firing: [] }],
    },
    {
      name: 'a sending queue 90% full for 5 minutes fires SidecarQueueNearCapacity',
      series: [
        {
          series: series(COLLECTOR_METRICS.exporterQueueSize, TEMPO),
          values: '100 300 600 900x10',
        },
        { series: series(COLLECTOR_METRICS.exporterQueueCapacity, TEMPO), values: '1000x13' },
      ],
      alerts: [
        { at: '5m', alert: 'SidecarQueueNearCapacity', firing: [] },
        {
          at: '9m',
          alert: 'SidecarQueueNearCapacity',
          firing: [
            {
              labels: TEMPO_LABELS,
              description:
                'Exporter otlp_http/tempo on orders-sidecar:8888 has filled 90% of its sending queue ' +
                '(threshold 80%); once full, new data is dropped.',
            },
          ],
        },
      ],
    },
    {
      name: 'a half-full queue fires nothing',
      series: [
        { series: series(COLLECTOR_METRICS.exporterQueueSize, TEMPO), values: '500x20' },
        { series: series(COLLECTOR_METRICS.exporterQueueCapacity, TEMPO), values: '1000x20' },
      ],
      alerts: [{ at: '20m', alert: 'SidecarQueueNearCapacity', firing: [] }],
    },
  ],
};
