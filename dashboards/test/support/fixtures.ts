/** Dashboards and queries built once per test file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard, Panel } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  type GeneratedDashboard,
  generateDashboards,
  listQueries,
  panelsOf,
} from '../../src/index.ts';
import { GENERATED_DIR } from '../../src/paths.ts';

/** Every dashboard, freshly generated at its recorded version. */
export const generated: readonly GeneratedDashboard[] = generateDashboards();

/** Every query of every dashboard. */
export const queries = listQueries(generated.map((dashboard) => dashboard.model));

/** The committed JSON of `uid`, parsed. */
export function committed(uid: string): Dashboard {
  return JSON.parse(readFileSync(join(GENERATED_DIR, `${uid}.json`), 'utf8')) as Dashboard;
}

/** `[uid, panel]` for every panel of every dashboard, rows expanded. */
export const panels: readonly (readonly [string, Panel])[] = generated.flatMap((dashboard) =>
  panelsOf(dashboard.model).map((panel) => [dashboard.uid, panel] as const),
);
