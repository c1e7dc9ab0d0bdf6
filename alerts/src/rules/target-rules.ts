/**
 * Is anyone there? Alerts for a scrape target that stopped answering, a service whose every
 * target did, and a service whose metrics vanished altogether (no target left, or a target that
 * answers without the SDK's metrics).
 */
import { APP_TARGETS, TARGET_LABELS } from '../labels.ts';
import { DASHBOARDS } from '../links.ts';
import { LOOKOUT_METRICS, PROMETHEUS_METRICS } from '../metric-names.ts';
import { hold, type RenderProfile } from '../profile.ts';
import { eq, selector } from '../promql.ts';
import type { AlertSpec, RuleGroupSpec } from '../rule-types.ts';

const UP = PROMETHEUS_METRICS.up;

/** Target alerts; `services` are those expected to exist, whose disappearance is an alert. */
export function targetRuleGroup(
  profile: RenderProfile,
  services: readonly string[],
): RuleGroupSpec {
  return {
    name: 'scrape-targets',
    rules: [targetDown(profile), serviceDown(profile), metricsAbsent(profile, services)],
  };
}

// Five minutes: restarting one instance during a rolling deploy takes less.
function targetDown(profile: RenderProfile): AlertSpec {
  return {
    alert: 'TargetDown',
    expr: `${selector(UP, [APP_TARGETS])} == 0`,
    for: hold(profile, '5m'),
    severity: 'warning',
    perService: true,
    perInstance: true,
    symptom: true,
    summary: 'Prometheus cannot scrape {{ $labels.instance }} of {{ $labels.job }}',
    description:
      `Scrapes of {{ $labels.instance }} (job {{ $labels.job }}) have failed for ` +
      `${hold(profile, '5m')}; other instances of the service may still be serving.`,
    dashboard: DASHBOARDS.serviceOverview,
  };
}

// Two minutes: a full outage pages fast, yet one failed round of scrapes does not.
function serviceDown(profile: RenderProfile): AlertSpec {
  const byService = [TARGET_LABELS.service, TARGET_LABELS.environment].join(', ');
  return {
    alert: 'ServiceDown',
    expr: `max by (${byService}) (${selector(UP, [APP_TARGETS])}) == 0`,
    for: hold(profile, '2m'),
    severity: 'critical',
    perService: true,
    summary: '{{ $labels.job }} is down: none of its instances answers',
    description:
      `Every scrape target of {{ $labels.job }} has failed its scrapes for ` +
      `${hold(profile, '2m')}; no instance is known to be serving.`,
    dashboard: DASHBOARDS.serviceOverview,
  };
}

// absent() yields one series labelled with the selector's equality matchers, so each expected
// service needs its own term; `or` keeps the first term when both are true.
function metricsAbsent(profile: RenderProfile, services: readonly string[]): AlertSpec {
  const terms = services.flatMap((service) => {
    const job = eq(TARGET_LABELS.service, service);
    return [`absent(${UP}{${job}})`, `absent(${LOOKOUT_METRICS.buildInfo}{${job}})`];
  });
  return {
    alert: 'MetricsAbsent',
    expr: terms.join('\nor\n'),
    for: hold(profile, '5m'),
    severity: 'critical',
    perService: true,
    symptom: true,
    summary: "{{ $labels.job }}'s metrics are missing: its alerts and dashboards are blind",
    description:
      `Prometheus has had no {{ $labels.job }} target, or no ${LOOKOUT_METRICS.buildInfo} ` +
      `from it, for ${hold(profile, '5m')}. Every other alert on this service is silent meanwhile.`,
    dashboard: DASHBOARDS.serviceOverview,
  };
}
