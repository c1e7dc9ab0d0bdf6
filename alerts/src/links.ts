/**
 * Where an alert's `runbook_url` and `dashboard_url` point. Both are absolute, built from two
 * bases that a deployment can override when it generates its own rules.
 */

/** The dashboards' UIDs; they never change (dashboards/ keeps them stable). */
export const DASHBOARDS = {
  serviceOverview: 'lookout-service-overview',
  nodejsRuntime: 'lookout-nodejs-runtime',
  slo: 'lookout-slo',
  pipeline: 'lookout-pipeline',
  security: 'lookout-security',
} as const;

/**
 * The pipeline dashboard's variables that pick a sidecar: its scrape job and its instance. Its
 * `service` variable is the application's, which a sidecar alert does not carry.
 */
export const PIPELINE_VARIABLES = {
  sidecar: 'sidecar',
  sidecarInstance: 'sidecar_instance',
} as const;

/** One of the dashboard UIDs in {@link DASHBOARDS}. */
export type DashboardUid = (typeof DASHBOARDS)[keyof typeof DASHBOARDS];

/** The two bases every link is built from. */
export interface LinkBases {
  /** Folder URL that holds `<AlertName>.md`, without a trailing slash. */
  readonly runbookBaseUrl: string;
  /** Grafana's root URL, without a trailing slash. */
  readonly grafanaUrl: string;
}

/** The repository's runbooks on GitHub and the compose stack's Grafana. */
export const DEFAULT_LINK_BASES: LinkBases = Object.freeze({
  runbookBaseUrl: 'https://github.com/lookout-dev/lookout/blob/main/docs/runbooks',
  grafanaUrl: 'http://localhost:3000',
});

/** The runbook of `alertName`: `<base>/<AlertName>.md`. */
export function runbookUrl(bases: LinkBases, alertName: string): string {
  return `${bases.runbookBaseUrl}/${alertName}.md`;
}

/**
 * The dashboard `uid`, with each of `variables` (a Grafana template variable named like the alert
 * label it takes its value from) filled in from the alert's labels when it fires.
 */
export function dashboardUrl(
  bases: LinkBases,
  uid: DashboardUid,
  variables: Readonly<Record<string, string>>,
): string {
  const query = Object.entries(variables)
    .map(([name, label]) => `var-${name}={{ $labels.${label} }}`)
    .join('&');
  return `${bases.grafanaUrl}/d/${uid}${query === '' ? '' : `?${query}`}`;
}
