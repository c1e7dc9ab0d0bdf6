/**
 * `@lookout/alerts`: Prometheus rules generated from typed sources. The generator script writes
 * the production files; tests and the end-to-end suite render the same rules with a fast profile.
 */

export {
  ALERTMANAGER_CONFIG_PATH,
  type AlertmanagerConfigOptions,
  alertmanagerConfigWith,
  WEBHOOK_RECEIVERS,
  WEBHOOK_TOKEN_FILES,
  type WebhookUrls,
} from './alertmanager-config.ts';
export type { Duration } from './duration.ts';
export { ALERT_SERVICE_LABEL, SIDECAR_JOB, SYMPTOM_LABEL, TARGET_LABELS } from './labels.ts';
export {
  DASHBOARDS,
  type DashboardUid,
  DEFAULT_LINK_BASES,
  type LinkBases,
  PIPELINE_VARIABLES,
} from './links.ts';
export {
  PROMETHEUS_LABELS,
  PROMETHEUS_METRICS,
  REMOTE_WRITE_HANDLER,
} from './metric-names.ts';
export {
  FAST_PROFILE,
  type FastProfileOptions,
  fastProfile,
  PRODUCTION_PROFILE,
  type RenderProfile,
} from './profile.ts';
export {
  HTTP_RECORDED,
  SLO_RECORDED,
  sloErrorRatio,
  sloPeriodErrorRatio,
} from './recorded-names.ts';
export {
  type PrometheusAlertRule,
  type PrometheusRecordingRule,
  type PrometheusRuleGroup,
  prometheusGroups,
  type RenderedFile,
  type RenderOptions,
  renderRuleFiles,
} from './render-rules.ts';
export { type RuleFileSpec, ruleFiles } from './rule-files.ts';
export type { AlertSpec, RecordingRule, RuleGroupSpec } from './rule-types.ts';
export { WATCHDOG_ALERT } from './rules/watchdog-rules.ts';
export { SEVERITIES, type Severity } from './severity.ts';
export { BURN_RATE_WINDOWS, type BurnRateWindow, burnFactor } from './slo/burn-rate-windows.ts';
export { SloDefinitionError } from './slo/slo-error.ts';
export { SERVICE_SLOS, sloRuleGroup } from './slo/slo-rule-groups.ts';
export type { ServiceSloDefinition } from './slo/slo-types.ts';
export { validateServiceSlos } from './slo/validate-slo.ts';
