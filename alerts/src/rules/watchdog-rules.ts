/**
 * The Watchdog: an alert that always fires. Alertmanager routes it to a dead man's switch that
 * raises its own alarm when the heartbeat stops, which is the only way to notice that Prometheus,
 * the rule evaluation or Alertmanager itself has stopped working.
 */
import { DASHBOARDS } from '../links.ts';
import type { AlertSpec, RuleGroupSpec } from '../rule-types.ts';

/** The Watchdog's alert name; Alertmanager routes on it. */
export const WATCHDOG_ALERT = 'Watchdog';

/** The Watchdog group. */
export function watchdogRuleGroup(): RuleGroupSpec {
  const watchdog: AlertSpec = {
    alert: WATCHDOG_ALERT,
    expr: 'vector(1)',
    severity: 'none',
    perService: false,
    summary: 'Heartbeat of the alerting pipeline; it always fires and is never for people',
    description:
      "This alert fires all the time so the dead man's switch keeps receiving it. If the " +
      'switch stops hearing it, Prometheus or Alertmanager is broken.',
    dashboard: DASHBOARDS.pipeline,
  };
  return { name: 'watchdog', rules: [watchdog] };
}
