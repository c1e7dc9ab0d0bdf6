import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  type VariableModel,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE_REFS, DATASOURCE_UIDS, DATASOURCE_VARIABLE } from './datasources.ts';
import { TARGET_LABELS } from './labels.ts';

type VariableBuilder = Builder<VariableModel>;

/** What "All" expands to: a regex that also matches a series without the label. */
const MATCH_ANY = '.*';
const ALL = { text: 'All', value: '$__all' };

/** The Prometheus datasource picker, defaulting to the provisioned `prometheus` UID. */
export function datasourceVariable(): VariableBuilder {
  return new DatasourceVariableBuilder(DATASOURCE_VARIABLE)
    .label('Prometheus')
    .type('prometheus')
    .current({ text: 'Prometheus', value: DATASOURCE_UIDS.prometheus });
}

// A label_values variable over one metric; `filter` narrows it by the variables above it.
function labelValues(
  name: string,
  metric: string,
  label: string,
  filter: string,
): QueryVariableBuilder {
  const query = `label_values(${metric}${filter}, ${label})`;
  return new QueryVariableBuilder(name)
    .datasource(DATASOURCE_REFS.prometheus)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc);
}

// Multi-value with an All that matches anything, so a target without the label still shows.
function matchAnyWhenAll(builder: QueryVariableBuilder): QueryVariableBuilder {
  return builder.multi(true).includeAll(true).allValue(MATCH_ANY).current(ALL);
}

/** `environment`: the environment label values seen on `metric`; All by default. */
export function environmentVariable(metric: string): VariableBuilder {
  const builder = labelValues('environment', metric, TARGET_LABELS.environment, '');
  return matchAnyWhenAll(builder.label('Environment'));
}

/** `service`: one service (Prometheus `job`) that reports `metric` in the chosen environments. */
export function serviceVariable(metric: string): VariableBuilder {
  const filter = `{${TARGET_LABELS.environment}=~"$environment"}`;
  return labelValues('service', metric, TARGET_LABELS.service, filter).label('Service');
}

/** `instance`: the service's instances; All by default. */
export function instanceVariable(metric: string): VariableBuilder {
  const filter = `{${TARGET_LABELS.service}=~"$service", ${TARGET_LABELS.environment}=~"$environment"}`;
  const builder = labelValues('instance', metric, TARGET_LABELS.instance, filter);
  return matchAnyWhenAll(builder.label('Instance'));
}

/** The four variables every Lookout dashboard starts with, anchored on `metric`. */
export function standardVariables(metric: string): VariableBuilder[] {
  return [
    datasourceVariable(),
    environmentVariable(metric),
    serviceVariable(metric),
    instanceVariable(metric),
  ];
}

/** A multi-value variable over `metric`'s `label`, narrowed by `matchers`; All by default. */
export function labelVariable(
  name: string,
  title: string,
  metric: string,
  label: string,
  matchers: readonly string[],
): VariableBuilder {
  const filter = `{${matchers.join(', ')}}`;
  return matchAnyWhenAll(labelValues(name, metric, label, filter).label(title));
}
