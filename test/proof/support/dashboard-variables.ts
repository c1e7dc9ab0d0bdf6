/**
 * A dashboard's template variables resolved the way Grafana resolves them: each `label_values()`
 * query run against Prometheus in order, later variables seeing the values chosen for earlier
 * ones. A variable that offers no value is as dead as an empty panel, so it is reported too.
 */
import {
  type GeneratedDashboard,
  substituteVariables,
  type VariableValues,
} from '@lookout/dashboards';
import type { PrometheusServer } from '@lookout/testkit';

/**
 * Grafana's built-in range variables. `$__rate_interval` is at least four scrape intervals;
 * with the proofs' 1 s scrapes a 30 s window spans the whole traffic phase's recent past.
 */
export const RANGE_VALUES: VariableValues = {
  __rate_interval: '30s',
  __interval: '2s',
  __range: '2m',
};

/** The values chosen, and the variables that offered none. */
export interface ResolvedVariables {
  readonly values: VariableValues;
  readonly empty: readonly string[];
}

type Dashboard = GeneratedDashboard['model'];
type VariableModel = NonNullable<NonNullable<Dashboard['templating']>['list']>[number];

const LABEL_VALUES = /^label_values\(\s*(?:(.*),\s*)?([A-Za-z_]\w*)\s*\)$/s;

/**
 * Resolves every query variable of `dashboard`. `preferred` picks a value when Prometheus offers
 * it (the service under test); otherwise the first value in label order is taken, a concrete
 * value rather than "All", so each label is really matched.
 */
export async function resolveVariables(
  prometheus: PrometheusServer,
  dashboard: Dashboard,
  preferred: VariableValues,
): Promise<ResolvedVariables> {
  const values: Record<string, string> = { ...RANGE_VALUES };
  const empty: string[] = [];
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const offered = await labelValues(prometheus, queryText(variable), values);
    const wanted = preferred[variable.name];
    const chosen = wanted !== undefined && offered.includes(wanted) ? wanted : offered[0];
    if (chosen === undefined) empty.push(variable.name);
    values[variable.name] = chosen ?? '';
  }
  return { values, empty };
}

function queryText(variable: VariableModel): string {
  const query = variable.query as string | { query?: string } | undefined;
  const text = typeof query === 'string' ? query : query?.query;
  if (text === undefined) throw new Error(`variable ${variable.name} has no query`);
  return text;
}

// `label_values(selector, label)` asks which values `label` takes on the selected series; a
// `group by` over the same selector returns exactly those, through the query API.
async function labelValues(
  prometheus: PrometheusServer,
  query: string,
  known: VariableValues,
): Promise<string[]> {
  const match = LABEL_VALUES.exec(substituteVariables(query, known));
  if (match === null) throw new Error(`not a label_values() query: ${query}`);
  const [, selector, label] = match as unknown as [string, string | undefined, string];
  const series = selector ?? `{${label}!=""}`;
  const result = await prometheus.query(`group by (${label}) (${series})`);
  const offered = result.samples.map((sample) => sample.labels[label] ?? '');
  return [...new Set(offered.filter((value) => value !== ''))].sort();
}
