/**
 * Label names that are not the SDK's own: the ones Prometheus, the sidecar and prom-client attach.
 * One place, so a change in how targets are labelled is one edit.
 */

import { RESOURCE_LABELS } from './metric-names.ts';

/**
 * Labels that identify where a series came from. `job` is the service because it is the one
 * label present both when Prometheus scrapes a service directly and when the sidecar
 * remote-writes it (the collector maps `service.name` to `job`). The environment label is the
 * SDK's `deployment.environment.name` in Prometheus form; the sidecar writes it onto every series
 * it scrapes, and Loki indexes the log streams by the same name.
 */
export const TARGET_LABELS = {
  service: 'job',
  environment: RESOURCE_LABELS.environment,
  instance: 'instance',
} as const;

/** Labels prom-client puts on its default runtime metrics, as the SDK names them. */
export { RUNTIME_LABELS } from './metric-names.ts';

/** Histogram bucket boundary label. */
export const BUCKET_LABEL = 'le';
