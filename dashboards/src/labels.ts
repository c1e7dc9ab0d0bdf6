/**
 * Label names that are not the SDK's own: the ones Prometheus, the sidecar and prom-client attach.
 * One place, so a change in how targets are labelled is one edit.
 */

/**
 * Labels that identify where a series came from. `job` is the service because it is the one
 * label present both when Prometheus scrapes a service directly and when the sidecar
 * remote-writes it (the collector maps `service.name` to `job`). `deployment_environment` is
 * the resource attribute `deployment.environment` in Prometheus form.
 */
export const TARGET_LABELS = {
  service: 'job',
  environment: 'deployment_environment',
  instance: 'instance',
} as const;

/** Labels prom-client puts on its default runtime metrics, as the SDK names them. */
export { RUNTIME_LABELS } from './metric-names.ts';

/** Histogram bucket boundary label. */
export const BUCKET_LABEL = 'le';
