/**
 * How Lookout's OTLP log records look once Loki has ingested them: resource attributes become
 * stream labels (`service_name`, and `deployment_environment_name`, which compose/loki/loki.yaml
 * indexes), log and scope attributes become structured metadata (`severity_text`, `trace_id`,
 * `scope_name`).
 */
import { TARGET_LABELS } from './labels.ts';

/** Stream selector for the dashboard's service and environments. */
export const SERVICE_STREAM = `{service_name=~"$service", ${TARGET_LABELS.environment}=~"$environment"}`;

/**
 * Instrumentation scope of the audit logger, so audit records can be told apart from ordinary
 * logs that travel the same way.
 * TODO(#5): import this from the SDK once the audit log exports its scope name.
 */
export const AUDIT_SCOPE = 'lookout.audit';
