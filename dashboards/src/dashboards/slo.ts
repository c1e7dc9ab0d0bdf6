/**
 * SLOs and error budget for one service, read from the recording rules the burn-rate alerts use
 * (generated in `alerts/` from one typed SLO definition per service): compliance and budget left
 * over the SLO period, the objectives, and burn rates over every alert window. Two raw panels
 * per instance show whether one instance is spending the budget.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { buildDashboard } from '../frame.ts';
import { BUCKET_RATE, HTTP_DURATION, REQUEST_RATE, SERVER_ERROR_RATE } from '../http.ts';
import { TARGET_LABELS } from '../labels.ts';
import { type Step, thresholds } from '../panel-common.ts';
import { statPanel, timeSeriesPanel } from '../panels.ts';
import { quantile, ratio, series } from '../promql.ts';
import {
  BURN_RATE_WINDOWS,
  burnFactor,
  type Duration,
  SLO_LABEL,
  SLO_RECORDED,
  type SliKind,
  sloErrorRatio,
} from '../recorded-names.ts';
import { prom } from '../targets.ts';
import { standardVariables } from '../variables.ts';

/** Never changes: links and alert annotations point at it. */
export const SLO_UID = 'lookout-slo';

/**
 * Recorded series that carry no environment label: the objective is one number per service.
 * Selecting them by environment would hide them whenever an environment is chosen.
 */
export const SERIES_WITHOUT_ENVIRONMENT: readonly string[] = [SLO_RECORDED.objective];

const INSTANCE = TARGET_LABELS.instance;
const UNITS_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

// The alert windows, each once, shortest first: the recording rules keep one series per window.
function alertWindows(): Duration[] {
  const seconds = (w: Duration) =>
    Number(w.slice(0, -1)) * UNITS_SECONDS[w.slice(-1) as keyof typeof UNITS_SECONDS];
  const all = new Set(BURN_RATE_WINDOWS.flatMap((w) => [w.short, w.long]));
  return [...all].sort((a, b) => seconds(a) - seconds(b));
}

// Dashed lines at every burn factor an alert fires on: orange for tickets, red for pages. The
// burn windows assume a 30-day period, as the SRE workbook's factors do.
function burnThresholds() {
  const steps: Step[] = BURN_RATE_WINDOWS.map((w) => [
    w.severity === 'critical' ? 'red' : 'orange',
    burnFactor(w, '30d'),
  ]);
  steps.sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
  return thresholds([['green', null], ...steps]);
}

function recorded(name: string, kind: SliKind): string {
  const service = [`${TARGET_LABELS.service}=~"$service"`, `${SLO_LABEL}="${kind}"`];
  if (SERIES_WITHOUT_ENVIRONMENT.includes(name)) return series(name, service);
  return series(name, [...service, `${TARGET_LABELS.environment}=~"$environment"`]);
}

// The objective joins series that also carry the environment, hence `group_left`.
function perObjective(expr: string, kind: SliKind, objectiveExpr: (objective: string) => string) {
  const objective = objectiveExpr(recorded(SLO_RECORDED.objective, kind));
  return `${expr} / on (${TARGET_LABELS.service}, ${SLO_LABEL}) group_left () (${objective})`;
}

/** How many times faster than sustainable `kind`'s budget burns over `window`. */
function burnRate(kind: SliKind, window: Duration): string {
  return perObjective(recorded(sloErrorRatio(window), kind), kind, (o) => `1 - ${o}`);
}

// Compliance over the period, from the budget left: error ratio = budget spent x allowed ratio.
function compliance(kind: SliKind): string {
  const spent = `(1 - ${recorded(SLO_RECORDED.budgetRemaining, kind)})`;
  const allowed = `(1 - ${recorded(SLO_RECORDED.objective, kind)})`;
  return `min(1 - ${spent} * on (${TARGET_LABELS.service}, ${SLO_LABEL}) group_left () ${allowed})`;
}

const BUDGET_THRESHOLDS = thresholds([
  ['red', null],
  ['orange', 0],
  ['green', 0.25],
]);

function budgetStats(kind: SliKind, title: string) {
  return [
    statPanel({
      title: `${title} error budget left`,
      description:
        `Share of the ${kind} error budget still unspent over the SLO period (worst ` +
        'environment). Below zero the objective is missed: hold risky deploys and spend the ' +
        'time on reliability.',
      unit: units.PercentUnit,
      thresholds: BUDGET_THRESHOLDS,
      targets: [prom(`min(${recorded(SLO_RECORDED.budgetRemaining, kind)})`, 'budget left')],
    }),
    statPanel({
      title: `${title} over the SLO period`,
      description:
        kind === 'availability'
          ? 'Share of requests not answered 5xx over the SLO period.'
          : "Share of requests faster than the SLO's latency threshold over the SLO period.",
      unit: units.PercentUnit,
      decimals: 3,
      targets: [prom(compliance(kind), kind)],
    }),
  ];
}

function budgetOverTime() {
  const objective = `${series(SLO_RECORDED.objective, [`${TARGET_LABELS.service}=~"$service"`])}`;
  const ratio5m = series(sloErrorRatio('5m'), [
    `${TARGET_LABELS.service}=~"$service"`,
    `${TARGET_LABELS.environment}=~"$environment"`,
  ]);
  const budget = series(SLO_RECORDED.budgetRemaining, [
    `${TARGET_LABELS.service}=~"$service"`,
    `${TARGET_LABELS.environment}=~"$environment"`,
  ]);
  return [
    statPanel({
      title: 'Objectives',
      description: "The service's SLO objectives, from its typed SLO definition in alerts/.",
      unit: units.PercentUnit,
      decimals: 2,
      width: 4,
      height: 8,
      targets: [prom(objective, `{{${SLO_LABEL}}}`)],
    }),
    timeSeriesPanel({
      title: 'Error budget left',
      description: 'Share of each error budget left over the SLO period, as it changes.',
      unit: units.PercentUnit,
      width: 10,
      thresholds: BUDGET_THRESHOLDS,
      targets: [prom(budget, `{{${SLO_LABEL}}} {{${TARGET_LABELS.environment}}}`)],
    }),
    timeSeriesPanel({
      title: 'Error ratio against the allowed ratio',
      description:
        'Share of bad requests over 5 minutes for each SLI, and the share its objective allows ' +
        'over the period. Above the allowed line the budget is shrinking.',
      unit: units.PercentUnit,
      width: 10,
      targets: [
        prom(ratio5m, `{{${SLO_LABEL}}} {{${TARGET_LABELS.environment}}}`),
        prom(`1 - ${objective}`, `{{${SLO_LABEL}}} allowed`),
      ],
    }),
  ];
}

function burnRates(kind: SliKind, title: string) {
  return timeSeriesPanel({
    title: `${title} burn rate`,
    description:
      `How fast the ${kind} budget burns over each alert window; 1 spends it exactly in the ` +
      'period. The alerts page when both windows of a pair exceed 14.4 (1h and 5m) or 6 (6h ' +
      'and 30m), and open a ticket at 3 (1d and 2h) or 1 (3d and 6h): the dashed lines.',
    unit: units.Short,
    thresholds: burnThresholds(),
    targets: alertWindows().map((window) => prom(burnRate(kind, window), window)),
  });
}

function perInstance() {
  return [
    timeSeriesPanel({
      title: '5xx ratio by instance',
      description:
        'Share of 5xx answers per instance: one instance far above the others is the one spending the budget.',
      unit: units.PercentUnit,
      targets: [prom(ratio(SERVER_ERROR_RATE, REQUEST_RATE, [INSTANCE]), `{{${INSTANCE}}}`)],
    }),
    timeSeriesPanel({
      title: 'Latency p99 by instance',
      description: '99th percentile of request duration per instance.',
      unit: units.Seconds,
      targets: [prom(quantile(0.99, BUCKET_RATE, [INSTANCE]), `{{${INSTANCE}}}`)],
    }),
  ];
}

/** Builds the SLO dashboard (without its version). */
export function slo(): Dashboard {
  return buildDashboard({
    uid: SLO_UID,
    title: 'Lookout / SLOs and error budget',
    description:
      'Availability and latency SLOs of one service, from the SLO recording rules: budget left ' +
      'and compliance over the SLO period, objectives, and burn rates over the alert windows.',
    tags: ['slo'],
    variables: standardVariables(HTTP_DURATION.count),
    sections: [
      {
        title: 'Error budget',
        panels: [
          ...budgetStats('availability', 'Availability'),
          ...budgetStats('latency', 'Latency'),
        ],
      },
      { title: 'Over time', panels: budgetOverTime() },
      {
        title: 'Burn rates',
        panels: [burnRates('availability', 'Availability'), burnRates('latency', 'Latency')],
      },
      { title: 'Per instance', panels: perInstance() },
    ],
  });
}
