/**
 * Every query of every dashboard, with what a test needs to run it: the panel it belongs to,
 * the datasource kind, the template variables it uses and the recorded series it needs. A later test substitutes the rest and runs the PromQL against a real
 * Prometheus, so a panel that would stay empty fails CI instead of an on-call engineer.
 */
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import type { Dashboard, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';
import { type DatasourceKind, datasourceKind } from './datasources.ts';
import { generateDashboards } from './generate.ts';
import { substituteVariables, type VariableValues, variablesIn } from './substitute.ts';

/** One query of one panel. */
export interface DashboardQuery {
  readonly dashboardUid: string;
  readonly dashboardTitle: string;
  readonly panelId: number;
  readonly panelTitle: string;
  readonly refId: string;
  readonly datasource: DatasourceKind;
  /** PromQL, LogQL or TraceQL, with template variables still in it. */
  readonly query: string;
  /** An instant query (one value per series) rather than a range query. */
  readonly instant: boolean;
  /** Template variables the query uses, without `$`. */
  readonly variables: readonly string[];
  /**
   * Series written by recording rules (`slo:error_ratio:rate5m`) that the query reads: they
   * exist only where Prometheus loads the rules generated in `alerts/`.
   */
  readonly recordedSeries: readonly string[];
}

interface RawTarget {
  readonly refId?: string;
  readonly datasource?: DataSourceRef;
  readonly expr?: string;
  readonly query?: string;
  readonly instant?: boolean;
}

/** Panels of `dashboard` in order, rows expanded. */
export function panelsOf(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((panel) => {
    if (panel.type !== 'row') return [panel as Panel];
    return (panel as RowPanel).panels ?? [];
  });
}

// Recorded series are the metric names with a colon (Prometheus reserves colons for them);
// quoted label values are blanked first, since an address like `host:9090` has one too.
function recordedSeriesIn(query: string, kind: DatasourceKind): string[] {
  if (kind !== 'prometheus') return [];
  const unquoted = query.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...new Set(unquoted.match(/\b[a-zA-Z_]\w*:[\w:]*\w/g) ?? [])];
}

function queriesOfPanel(dashboard: Dashboard, panel: Panel): DashboardQuery[] {
  return ((panel.targets ?? []) as RawTarget[]).map((target) => {
    const datasource = datasourceKind(target.datasource ?? panel.datasource);
    const query = target.expr ?? target.query;
    if (datasource === undefined || query === undefined) {
      throw new Error(`${dashboard.uid} "${panel.title}" ${target.refId}: unknown query shape`);
    }
    return {
      dashboardUid: dashboard.uid ?? '',
      dashboardTitle: dashboard.title ?? '',
      panelId: panel.id ?? 0,
      panelTitle: panel.title ?? '',
      refId: target.refId ?? '',
      datasource,
      query,
      instant: target.instant === true,
      variables: variablesIn(query),
      recordedSeries: recordedSeriesIn(query, datasource),
    };
  });
}

/** Every query of `dashboards` (by default all of Lookout's), in panel order. */
export function listQueries(dashboards: readonly Dashboard[] = modelsOfAll()): DashboardQuery[] {
  return dashboards.flatMap((dashboard) =>
    panelsOf(dashboard).flatMap((panel) => queriesOfPanel(dashboard, panel)),
  );
}

function modelsOfAll(): Dashboard[] {
  return generateDashboards().map((generated) => generated.model);
}

/**
 * The query text ready to run, `values` substituted for its variables. Throws naming any
 * variable left without a value.
 *
 * @example renderQuery(q, { service: 'orders', environment: '.*', instance: '.*',
 *   __rate_interval: '1m', __range: '1h', __interval: '15s' })
 */
export function renderQuery(query: DashboardQuery, values: VariableValues): string {
  return substituteVariables(query.query, values);
}
