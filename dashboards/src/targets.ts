/**
 * Query targets as plain data, turned into Foundation SDK queries with the right datasource and
 * a stable refId. Keeping them as data first lets a panel check that all its targets share one
 * datasource before anything is built.
 */
import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import { DataqueryBuilder as LokiQuery } from '@grafana/grafana-foundation-sdk/loki';
import {
  DataqueryBuilder as PromQuery,
  PromQueryFormat,
} from '@grafana/grafana-foundation-sdk/prometheus';
import {
  SearchTableType,
  DataqueryBuilder as TempoQuery,
} from '@grafana/grafana-foundation-sdk/tempo';
import { DATASOURCE_REFS, type DatasourceKind } from './datasources.ts';

/** A PromQL query. */
export interface PromTarget {
  readonly kind: 'prometheus';
  readonly expr: string;
  readonly legend: string;
  /** One value per series (stat, table), not a range. */
  readonly instant: boolean;
  readonly format: 'time_series' | 'table' | 'heatmap';
  /** Ask Prometheus for exemplars, which Grafana links to Tempo by `trace_id`. */
  readonly exemplar: boolean;
}

/** A LogQL query over the OTLP-ingested logs. */
export interface LokiTarget {
  readonly kind: 'loki';
  readonly expr: string;
  readonly maxLines: number;
}

/** A TraceQL search. */
export interface TempoTarget {
  readonly kind: 'tempo';
  readonly query: string;
  readonly limit: number;
}

/** Any query a Lookout panel runs. */
export type Target = PromTarget | LokiTarget | TempoTarget;

type PromOptions = Partial<Pick<PromTarget, 'instant' | 'format' | 'exemplar'>>;

/** A PromQL target; range query over time unless `instant` is set. */
export function prom(expr: string, legend: string, options: PromOptions = {}): PromTarget {
  return {
    kind: 'prometheus',
    expr,
    legend,
    instant: options.instant ?? false,
    format: options.format ?? 'time_series',
    exemplar: options.exemplar ?? false,
  };
}

/** A LogQL target showing at most `maxLines` lines. */
export function logql(expr: string, maxLines = 100): LokiTarget {
  return { kind: 'loki', expr, maxLines };
}

/** A TraceQL search returning at most `limit` traces. */
export function traceql(query: string, limit = 20): TempoTarget {
  return { kind: 'tempo', query, limit };
}

/** The one datasource kind all `targets` use; a panel cannot mix datasources. */
export function targetsKind(title: string, targets: readonly Target[]): DatasourceKind {
  const kinds = new Set(targets.map((target) => target.kind));
  const [kind] = kinds;
  if (kind === undefined || kinds.size > 1) {
    throw new Error(`panel "${title}" needs targets of exactly one datasource kind`);
  }
  return kind;
}

/** refIds A, B, C... in target order, as Grafana names them. */
export function refId(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

const PROM_FORMATS = {
  time_series: PromQueryFormat.TimeSeries,
  table: PromQueryFormat.Table,
  heatmap: PromQueryFormat.Heatmap,
} as const;

function buildProm(target: PromTarget): PromQuery {
  const query = new PromQuery()
    .datasource(DATASOURCE_REFS.prometheus)
    .expr(target.expr)
    .legendFormat(target.legend)
    .format(PROM_FORMATS[target.format]);
  if (target.exemplar) query.exemplar(true);
  return target.instant ? query.instant() : query.range();
}

function buildLoki(target: LokiTarget): LokiQuery {
  return new LokiQuery()
    .datasource(DATASOURCE_REFS.loki)
    .expr(target.expr)
    .queryType('range')
    .maxLines(target.maxLines);
}

function buildTempo(target: TempoTarget): TempoQuery {
  return new TempoQuery()
    .datasource(DATASOURCE_REFS.tempo)
    .queryType('traceql')
    .query(target.query)
    .limit(target.limit)
    .tableType(SearchTableType.Traces);
}

/** The Foundation SDK query for `target`, named by its position in the panel. */
export function buildTarget(target: Target, index: number): Builder<Dataquery> {
  const id = refId(index);
  if (target.kind === 'prometheus') return buildProm(target).refId(id);
  if (target.kind === 'loki') return buildLoki(target).refId(id);
  return buildTempo(target).refId(id);
}
