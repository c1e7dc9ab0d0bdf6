/**
 * Label names and values that are not the SDK's own: the ones scrape targets carry, and the ones
 * the alert rules add for Alertmanager. One place, so a change in how targets are labelled is one
 * edit, and the dashboards (dashboards/src/labels.ts) agree with it.
 */

import { RESOURCE_LABELS } from './metric-names.ts';

/**
 * Labels that say where a series came from. `job` names the service: it is the one label present
 * both when Prometheus scrapes a service directly and when the sidecar remote-writes its metrics.
 * The environment label is the SDK's `deployment.environment.name` in Prometheus form, which the
 * sidecar writes onto every series it scrapes; series without it group under an empty value.
 */
export const TARGET_LABELS = {
  service: 'job',
  environment: RESOURCE_LABELS.environment,
  instance: 'instance',
} as const;

/** What service-level aggregations keep: one result per service and environment. */
export const SERVICE_GROUPING: readonly string[] = [
  TARGET_LABELS.service,
  TARGET_LABELS.environment,
];

/** What per-process aggregations keep: one result per instance of a service. */
export const INSTANCE_GROUPING: readonly string[] = [...SERVICE_GROUPING, TARGET_LABELS.instance];

/** The `job` under which Prometheus scrapes every sidecar's own metrics endpoint (:8888). */
export const SIDECAR_JOB = 'lookout-sidecar';

/** Matcher that keeps application targets and leaves the sidecars' own targets out. */
export const APP_TARGETS = `${TARGET_LABELS.service}!="${SIDECAR_JOB}"`;

/** Matcher that keeps only the sidecars' own metrics. */
export const SIDECAR_TARGETS = `${TARGET_LABELS.service}="${SIDECAR_JOB}"`;

/**
 * The label Alertmanager groups and inhibits by. Alert rules copy it from `job`, so routing reads
 * "service" while the series keep Prometheus's own `job`.
 */
export const ALERT_SERVICE_LABEL = 'service';

/**
 * `symptom="true"` marks an alert that is redundant while its service is down or has vanished:
 * Alertmanager inhibits it when `ServiceDown` or `MetricsAbsent` fires for the same service.
 */
export const SYMPTOM_LABEL = 'symptom';
