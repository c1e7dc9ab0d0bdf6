/**
 * What every Lookout panel carries whatever its kind: a title, a description that tells on-call
 * what they are looking at, a unit, one datasource and its targets.
 */

import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  type Threshold,
  ThresholdsConfigBuilder,
  ThresholdsMode,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE_REFS } from './datasources.ts';
import { buildTarget, type Target, targetsKind } from './targets.ts';

/** Grid size: Grafana's grid is 24 columns wide; heights are in rows of 30 px. */
export const FULL_WIDTH = 24;
const DEFAULT_WIDTH = 12;
const DEFAULT_HEIGHT = 8;

/** The fields every panel must state. */
export interface PanelSpec {
  readonly title: string;
  /** What the panel shows and what to do when it looks wrong. */
  readonly description: string;
  /** A Grafana unit id (`s`, `reqps`, `percentunit`, `bytes`, `none`...). */
  readonly unit: string;
  readonly targets: readonly Target[];
  readonly width?: number;
  readonly height?: number;
}

/** The builder methods every Foundation SDK panel kind shares. */
export interface CommonPanelBuilder<B> {
  title(title: string): B;
  description(description: string): B;
  unit(unit: string): B;
  datasource(datasource: DataSourceRef): B;
  span(width: number): B;
  height(height: number): B;
  withTarget(target: Builder<Dataquery>): B;
}

/** Applies `spec` to `builder`; throws when a required field is empty. */
export function applySpec<B extends CommonPanelBuilder<B>>(builder: B, spec: PanelSpec): B {
  if (spec.description.trim() === '' || spec.unit.trim() === '') {
    throw new Error(`panel "${spec.title}" needs a description and a unit`);
  }
  const kind = targetsKind(spec.title, spec.targets);
  builder
    .title(spec.title)
    .description(spec.description)
    .unit(spec.unit)
    .datasource(DATASOURCE_REFS[kind])
    .span(spec.width ?? DEFAULT_WIDTH)
    .height(spec.height ?? DEFAULT_HEIGHT);
  for (const [index, target] of spec.targets.entries())
    builder.withTarget(buildTarget(target, index));
  return builder;
}

/** A threshold step: from `value` upwards the colour is `color`; the base step has no value. */
export type Step = readonly [color: string, value: number | null];

/** Absolute thresholds from `[colour, from]` steps, the first being the base. */
export function thresholds(steps: readonly Step[]): ThresholdsConfigBuilder {
  const list: Threshold[] = steps.map(([color, value]) => ({ color, value }));
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(list);
}

/** Green below `warn`, orange from `warn`, red from `critical`. */
export function warnAt(warn: number, critical: number): ThresholdsConfigBuilder {
  return thresholds([
    ['green', null],
    ['orange', warn],
    ['red', critical],
  ]);
}
