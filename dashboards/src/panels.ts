/**
 * Panel builders for the kinds Lookout uses, each with the options chosen once for all
 * dashboards: legends that show the last value, shared tooltips, stats that show the latest
 * value, logs newest first.
 */
import {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  LogsDedupStrategy,
  LogsSortOrder,
  ReduceDataOptionsBuilder,
  SortOrder,
  StackingConfigBuilder,
  StackingMode,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import type { ThresholdsConfigBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import * as heatmap from '@grafana/grafana-foundation-sdk/heatmap';
import * as logs from '@grafana/grafana-foundation-sdk/logs';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { applySpec, type PanelSpec } from './panel-common.ts';

/** Options of a time series panel beyond the common ones. */
export interface TimeSeriesSpec extends PanelSpec {
  readonly min?: number;
  readonly max?: number;
  readonly stacked?: boolean;
  /** Drawn as dashed lines, so the graph shows how close a value is to trouble. */
  readonly thresholds?: ThresholdsConfigBuilder;
}

/** A line graph with a table legend of last and max values. */
export function timeSeriesPanel(spec: TimeSeriesSpec): timeseries.PanelBuilder {
  const panel = applySpec(new timeseries.PanelBuilder(), spec)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['lastNotNull', 'max']),
    )
    .tooltip(
      new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending),
    )
    .fillOpacity(10)
    .lineWidth(1);
  if (spec.min !== undefined) panel.min(spec.min);
  if (spec.max !== undefined) panel.max(spec.max);
  if (spec.stacked) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  if (spec.thresholds) {
    const dashed = new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed);
    panel.thresholds(spec.thresholds).thresholdsStyle(dashed);
  }
  return panel;
}

/** Options of a single-value panel. */
export interface StatSpec extends PanelSpec {
  readonly thresholds?: ThresholdsConfigBuilder;
  readonly decimals?: number;
  /** Show the series name instead of the value (a version string, say). */
  readonly showName?: boolean;
}

/** The latest value, coloured by its thresholds, over a sparkline. */
export function statPanel(spec: StatSpec): stat.PanelBuilder {
  const panel = applySpec(new stat.PanelBuilder(), { width: 6, height: 4, ...spec })
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .colorMode(spec.thresholds ? BigValueColorMode.Background : BigValueColorMode.Value)
    .graphMode(spec.showName ? BigValueGraphMode.None : BigValueGraphMode.Area)
    .textMode(spec.showName ? BigValueTextMode.Name : BigValueTextMode.Auto);
  if (spec.thresholds) panel.thresholds(spec.thresholds);
  if (spec.decimals !== undefined) panel.decimals(spec.decimals);
  return panel;
}

/** Options of a histogram heatmap. */
export interface HeatmapSpec extends PanelSpec {
  /** Unit of the bucket boundaries on the y axis. */
  readonly yUnit: string;
}

/**
 * Buckets over time from a Prometheus histogram, not recalculated by Grafana, with exemplars
 * drawn on top; clicking one opens its trace through the datasource's exemplar link.
 */
export function heatmapPanel(spec: HeatmapSpec): heatmap.PanelBuilder {
  return applySpec(new heatmap.PanelBuilder(), spec)
    .calculate(false)
    .yAxis(new heatmap.YAxisConfigBuilder().unit(spec.yUnit))
    .color(
      new heatmap.HeatmapColorOptionsBuilder()
        .mode(heatmap.HeatmapColorMode.Scheme)
        .scheme('Spectral')
        .scale(heatmap.HeatmapColorScale.Exponential)
        .exponent(0.5)
        .steps(64),
    )
    .tooltip(new heatmap.HeatmapTooltipBuilder().mode(TooltipDisplayMode.Single).yHistogram(true))
    .exemplarsColor('rgba(255,0,255,0.7)')
    .showLegend();
}

/** Log lines, newest first, with details (and the trace link) one click away. */
export function logsPanel(spec: PanelSpec): logs.PanelBuilder {
  return applySpec(new logs.PanelBuilder(), { width: 24, height: 10, ...spec })
    .showTime(true)
    .wrapLogMessage(true)
    .prettifyLogMessage(false)
    .enableLogDetails(true)
    .sortOrder(LogsSortOrder.Descending)
    .dedupStrategy(LogsDedupStrategy.None);
}

/** Options of a table panel. */
export interface TableSpec extends PanelSpec {
  /** Units of individual columns, by column name after renaming. */
  readonly columnUnits?: Readonly<Record<string, string>>;
  /** Grafana transformations applied in order (join instant queries, rename columns). */
  readonly transformations?: readonly { id: string; options: unknown }[];
}

/** A table: trace search results, or instant queries joined into one row per group. */
export function tablePanel(spec: TableSpec): table.PanelBuilder {
  const panel = applySpec(new table.PanelBuilder(), spec).filterable(true);
  for (const [name, unit] of Object.entries(spec.columnUnits ?? {})) {
    panel.overrideByName(name, [{ id: 'unit', value: unit }]);
  }
  for (const transformation of spec.transformations ?? []) panel.withTransformation(transformation);
  return panel;
}
