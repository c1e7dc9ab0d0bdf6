/**
 * The frame every Lookout dashboard shares: variables, time range, refresh, a shared crosshair,
 * links to the other Lookout dashboards, and rows of panels with stable ids.
 */
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  type Dashboard,
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DashboardLinkType,
  type Panel,
  RowBuilder,
  type RowPanel,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';

/** Tag carried by every Lookout dashboard; the cross-links list dashboards by it. */
export const LOOKOUT_TAG = 'lookout';

/** A titled row of panels. */
export interface Section {
  readonly title: string;
  readonly panels: readonly Builder<Panel>[];
}

/** Everything that defines one dashboard apart from its version. */
export interface DashboardSpec {
  /** Never changes once released: links, bookmarks and alert annotations point at it. */
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly variables: readonly Builder<VariableModel>[];
  readonly sections: readonly Section[];
}

function lookoutLinks(): DashboardLinkBuilder {
  return new DashboardLinkBuilder('Lookout dashboards')
    .type(DashboardLinkType.Dashboards)
    .tags([LOOKOUT_TAG])
    .asDropdown(true)
    .includeVars(true)
    .keepTime(true);
}

/** Builds the dashboard model of `spec`, panels numbered from 1 in reading order. */
export function buildDashboard(spec: DashboardSpec): Dashboard {
  const builder = new DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags([LOOKOUT_TAG, ...spec.tags])
    .timezone('browser')
    .time({ from: 'now-1h', to: 'now' })
    .refresh('30s')
    .tooltip(DashboardCursorSync.Crosshair)
    .link(lookoutLinks())
    .variables([...spec.variables]);
  for (const section of spec.sections) {
    builder.withRow(new RowBuilder(section.title));
    for (const panel of section.panels) builder.withPanel(panel);
  }
  return numberPanels(builder.build());
}

// Grafana assigns missing panel ids at load time in an order it may change; fixed ids keep
// links to a single panel (`viewPanel=`) and the generated JSON stable.
function numberPanels(dashboard: Dashboard): Dashboard {
  let next = 1;
  for (const panel of dashboard.panels ?? []) {
    panel.id = next++;
    for (const inner of (panel as RowPanel).panels ?? []) inner.id = next++;
  }
  return dashboard;
}
