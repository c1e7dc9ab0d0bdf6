/**
 * Service overview: is the service answering, how fast, and which route is at fault. RED per
 * route template, latency percentiles and a heatmap whose exemplars open the trace, the error
 * logs of the same requests and the failing traces, all for one service.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { buildDashboard } from '../frame.ts';
import { BUCKET_RATE, HTTP_DURATION, REQUEST_RATE, SERVER_ERROR_RATE } from '../http.ts';
import { BUCKET_LABEL, TARGET_LABELS } from '../labels.ts';
import { SERVICE_STREAM } from '../log-fields.ts';
import {
  HTTP_LABELS,
  HTTP_SERVER_ACTIVE_REQUESTS,
  LOOKOUT_LABELS,
  LOOKOUT_METRICS,
  UNMATCHED_ROUTE,
} from '../metric-names.ts';
import { warnAt } from '../panel-common.ts';
import { heatmapPanel, logsPanel, statPanel, tablePanel, timeSeriesPanel } from '../panels.ts';
import { quantile, ratio, serviceSeries, sumBy } from '../promql.ts';
import { logql, prom, traceql } from '../targets.ts';
import { standardVariables } from '../variables.ts';

/** Never changes: links and alert annotations point at it. */
export const SERVICE_OVERVIEW_UID = 'lookout-service-overview';

const ROUTE = HTTP_LABELS.route;
const ACTIVE = serviceSeries(HTTP_SERVER_ACTIVE_REQUESTS);

// Error-level OTLP log records. Loki keeps the severity as structured metadata; pino's bridge
// spells it in lower case, other SDKs in upper case, hence the case-insensitive match.
const ERROR_LOGS = `${SERVICE_STREAM} | severity_text=~"(?i)(error|fatal)"`;
// Traces are found by service name only: a span without `deployment.environment.name` would fail
// an environment condition in TraceQL, where Prometheus and Loki matchers let it through.
const ERROR_TRACES = '{ resource.service.name = "$service" && status = error }';
const SLOW_TRACES = '{ resource.service.name = "$service" && kind = server && duration > 500ms }';

function goldenSignals() {
  return [
    statPanel({
      title: 'Request rate',
      description: 'Requests per second served by the selected instances, every route and status.',
      unit: units.RequestsPerSecond,
      targets: [prom(sumBy([], REQUEST_RATE), 'requests')],
    }),
    statPanel({
      title: 'Error ratio (5xx)',
      description:
        'Share of requests answered with a 5xx status. 4xx are client errors and not counted. ' +
        'Above 1% look at the error ratio by route and the error logs below.',
      unit: units.PercentUnit,
      decimals: 2,
      thresholds: warnAt(0.01, 0.05),
      targets: [prom(ratio(SERVER_ERROR_RATE, REQUEST_RATE, []), '5xx ratio')],
    }),
    statPanel({
      title: 'Latency p99',
      description:
        '99th percentile of request duration over all routes, from the histogram buckets.',
      unit: units.Seconds,
      thresholds: warnAt(0.5, 1),
      targets: [prom(quantile(0.99, BUCKET_RATE), 'p99')],
    }),
    statPanel({
      title: 'Active requests',
      description: 'Requests in flight now. Growing without more traffic means requests are stuck.',
      unit: units.Short,
      targets: [prom(sumBy([], ACTIVE), 'in flight')],
    }),
  ];
}

// One row per route: three instant queries joined on the route label.
function routeTable() {
  const instant = { instant: true, format: 'table' } as const;
  return tablePanel({
    title: 'Routes',
    description:
      'Rate, 5xx ratio and p99 latency per route template. Sort by a column to find the route ' +
      `that is slow or failing; \`${UNMATCHED_ROUTE}\` collects requests that matched no route.`,
    unit: units.NoUnit,
    width: 24,
    targets: [
      prom(sumBy([ROUTE], REQUEST_RATE), '', instant),
      prom(ratio(SERVER_ERROR_RATE, REQUEST_RATE, [ROUTE]), '', instant),
      prom(quantile(0.99, BUCKET_RATE, [ROUTE]), '', instant),
    ],
    transformations: [
      { id: 'merge', options: {} },
      {
        id: 'organize',
        options: {
          excludeByName: { Time: true },
          renameByName: { 'Value #A': 'Requests/s', 'Value #B': '5xx ratio', 'Value #C': 'p99' },
        },
      },
    ],
    columnUnits: {
      'Requests/s': units.RequestsPerSecond,
      '5xx ratio': units.PercentUnit,
      p99: units.Seconds,
    },
  });
}

function perRoute() {
  return [
    routeTable(),
    timeSeriesPanel({
      title: 'Request rate by route',
      description: 'Requests per second per route template.',
      unit: units.RequestsPerSecond,
      targets: [prom(sumBy([ROUTE], REQUEST_RATE), `{{${ROUTE}}}`)],
    }),
    timeSeriesPanel({
      title: 'Error ratio by route (5xx)',
      description:
        'Share of 5xx answers per route template; a route with traffic and no errors reads 0.',
      unit: units.PercentUnit,
      min: 0,
      thresholds: warnAt(0.01, 0.05),
      targets: [prom(ratio(SERVER_ERROR_RATE, REQUEST_RATE, [ROUTE]), `{{${ROUTE}}}`)],
    }),
    timeSeriesPanel({
      title: 'Latency percentiles',
      description:
        'p50, p90 and p99 of request duration over all routes. A p99 far above p90 points at a ' +
        'few slow requests: open one from the heatmap.',
      unit: units.Seconds,
      targets: [0.5, 0.9, 0.99].map((q) =>
        prom(quantile(q, BUCKET_RATE), `p${Math.round(q * 100)}`),
      ),
    }),
    timeSeriesPanel({
      title: 'Latency p99 by route',
      description: '99th percentile of request duration per route template.',
      unit: units.Seconds,
      targets: [prom(quantile(0.99, BUCKET_RATE, [ROUTE]), `{{${ROUTE}}}`)],
    }),
    heatmapPanel({
      title: 'Latency distribution',
      description:
        'Requests per second in each duration bucket. The dots are exemplars: each carries the ' +
        'trace id of one request in that bucket; click one to open its trace in Tempo.',
      unit: units.RequestsPerSecond,
      yUnit: units.Seconds,
      targets: [
        prom(sumBy([BUCKET_LABEL], BUCKET_RATE), `{{${BUCKET_LABEL}}}`, {
          format: 'heatmap',
          exemplar: true,
        }),
      ],
    }),
    timeSeriesPanel({
      title: 'Responses by status code',
      description: 'Requests per second by HTTP status code, stacked.',
      unit: units.RequestsPerSecond,
      stacked: true,
      targets: [
        prom(sumBy([HTTP_LABELS.statusCode], REQUEST_RATE), `{{${HTTP_LABELS.statusCode}}}`),
      ],
    }),
    timeSeriesPanel({
      title: 'Requests by method',
      description: 'Requests per second by HTTP method.',
      unit: units.RequestsPerSecond,
      targets: [prom(sumBy([HTTP_LABELS.method], REQUEST_RATE), `{{${HTTP_LABELS.method}}}`)],
    }),
    timeSeriesPanel({
      title: 'Active requests by instance',
      description: 'Requests in flight per instance; one instance far above the others is stuck.',
      unit: units.Short,
      targets: [prom(sumBy([TARGET_LABELS.instance], ACTIVE), `{{${TARGET_LABELS.instance}}}`)],
    }),
  ];
}

function health() {
  const check = LOOKOUT_LABELS.check;
  return [
    timeSeriesPanel({
      width: 24,
      title: 'Readiness checks',
      description:
        'Result of each readiness check on its last run (1 passing, 0 failing), the worst ' +
        'instance shown. A failing check makes /readyz answer 503.',
      unit: units.NoUnit,
      min: 0,
      max: 1,
      targets: [
        prom(
          `min by (${check}) (${serviceSeries(LOOKOUT_METRICS.healthCheckStatus)})`,
          `{{${check}}}`,
        ),
      ],
    }),
  ];
}

function logsAndTraces() {
  return [
    logsPanel({
      title: 'Error logs',
      description:
        'Log records at error level or above from this service (OTLP logs in Loki). Expand a ' +
        'line to jump to its trace by trace_id.',
      unit: units.NoUnit,
      targets: [logql(ERROR_LOGS)],
    }),
    tablePanel({
      title: 'Failed traces',
      description: 'Recent traces of this service with a span in error status. Click a trace id.',
      unit: units.NoUnit,
      targets: [traceql(ERROR_TRACES)],
    }),
    tablePanel({
      title: 'Slow requests',
      description: 'Recent server spans of this service that took longer than 500 ms.',
      unit: units.NoUnit,
      targets: [traceql(SLOW_TRACES)],
    }),
  ];
}

/** Builds the service overview dashboard (without its version). */
export function serviceOverview(): Dashboard {
  return buildDashboard({
    uid: SERVICE_OVERVIEW_UID,
    title: 'Lookout / Service overview',
    description:
      'Rate, errors and duration per route template for one service, with exemplars, error ' +
      'logs and failed traces.',
    tags: ['service', 'red'],
    variables: standardVariables(HTTP_DURATION.count),
    sections: [
      { title: 'Golden signals', panels: goldenSignals() },
      { title: 'Per route', panels: perRoute() },
      { title: 'Health', panels: health() },
      { title: 'Logs and traces', panels: logsAndTraces() },
    ],
  });
}
