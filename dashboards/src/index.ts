/**
 * `@lookout/dashboards`: Lookout's Grafana dashboards as code, and the API tests use to run
 * every dashboard query against real backends.
 */

export { NODEJS_RUNTIME_UID } from './dashboards/nodejs-runtime.ts';
export { PIPELINE_UID } from './dashboards/pipeline.ts';
export { SECURITY_UID } from './dashboards/security.ts';
export { SERVICE_OVERVIEW_UID } from './dashboards/service-overview.ts';
export { SERIES_WITHOUT_ENVIRONMENT, SLO_UID } from './dashboards/slo.ts';
export { ALLOWED_DATASOURCE_UIDS, DATASOURCE_UIDS, type DatasourceKind } from './datasources.ts';
export { type GeneratedDashboard, generateDashboards } from './generate.ts';
export { TARGET_LABELS } from './labels.ts';
export { type DashboardQuery, listQueries, panelsOf, renderQuery } from './queries.ts';
export { DASHBOARDS, type DashboardDefinition } from './registry.ts';
export {
  GRAFANA_BUILTINS,
  substituteVariables,
  type VariableValues,
  variablesIn,
} from './substitute.ts';
