/**
 * The typed shape of the rules before they become YAML. Alert specs say what an on-call engineer
 * needs (severity, summary, description, dashboard); links and Alertmanager labels are added when
 * the rule is rendered, so every alert gets them the same way.
 */
import type { DashboardUid } from './links.ts';
import type { Severity } from './severity.ts';

/** A Prometheus recording rule. */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** An alert as the rule sources state it. */
export interface AlertSpec {
  /** CamelCase alert name; `docs/runbooks/<alert>.md` must exist. */
  readonly alert: string;
  readonly expr: string;
  /** How long the condition must hold before the alert fires, already rendered; omit for none. */
  readonly for?: string;
  /**
   * How long the alert keeps firing once its condition is gone, already rendered; omit for none.
   * Prometheus 2.42 or later.
   */
  readonly keepFiringFor?: string;
  readonly severity: Severity;
  /** Extra labels; `severity`, `service` and `symptom` are added from the fields below. */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Whether the result carries `job`: then the alert gets a `service` label and its dashboard
   * link selects that service.
   */
  readonly perService: boolean;
  /**
   * The service, when the rule is one service's own (SLO alerts): the `service` label is then
   * written as a fixed value, so the rules of two services never look alike.
   */
  readonly fixedService?: string;
  /** Whether the dashboard link should also select the alert's `instance`. */
  readonly perInstance?: boolean;
  /**
   * The dashboard's template variables the link fills in, each from the alert label named by its
   * value. Default: `service` from `job` (with `perService`), `instance` (with `perInstance`).
   * Dashboards whose variables are named otherwise (the pipeline's `sidecar`) say so here.
   */
  readonly dashboardVariables?: Readonly<Record<string, string>>;
  /** Redundant while the service is down; see `SYMPTOM_LABEL`. */
  readonly symptom?: boolean;
  /** One line a tired engineer understands; may use `{{ $labels.<name> }}` and nothing else. */
  readonly summary: string;
  /** The numbers: what was measured, against which threshold; any Go template. */
  readonly description: string;
  readonly dashboard: DashboardUid;
}

/** Either kind of rule inside a group. */
export type RuleSpec = RecordingRule | AlertSpec;

/** A rule group: evaluated in order, so recordings come before the alerts that read them. */
export interface RuleGroupSpec {
  readonly name: string;
  readonly rules: readonly RuleSpec[];
}

/** True when `rule` is an alert rather than a recording. */
export function isAlert(rule: RuleSpec): rule is AlertSpec {
  return 'alert' in rule;
}
