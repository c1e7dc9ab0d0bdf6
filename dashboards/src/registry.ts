/** Every Lookout dashboard, in the order the generator writes them. */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { NODEJS_RUNTIME_UID, nodejsRuntime } from './dashboards/nodejs-runtime.ts';
import { PIPELINE_UID, pipeline } from './dashboards/pipeline.ts';
import { SECURITY_UID, security } from './dashboards/security.ts';
import { SERVICE_OVERVIEW_UID, serviceOverview } from './dashboards/service-overview.ts';
import { SLO_UID, slo } from './dashboards/slo.ts';

/** A dashboard's UID and the function that builds it (without its version). */
export interface DashboardDefinition {
  readonly uid: string;
  readonly build: () => Dashboard;
}

/** All dashboards. A UID, once here, stays: removing or renaming one breaks the tests. */
export const DASHBOARDS: readonly DashboardDefinition[] = [
  { uid: SERVICE_OVERVIEW_UID, build: serviceOverview },
  { uid: NODEJS_RUNTIME_UID, build: nodejsRuntime },
  { uid: SLO_UID, build: slo },
  { uid: PIPELINE_UID, build: pipeline },
  { uid: SECURITY_UID, build: security },
];
