/**
 * Which rule groups go into which generated file. One file per concern, so a Prometheus that only
 * wants some of them (no sidecars, say) can leave the others out.
 */
import type { RenderProfile } from './profile.ts';
import type { RuleGroupSpec } from './rule-types.ts';
import { httpRuleGroup } from './rules/http-rules.ts';
import { pipelineRuleGroup } from './rules/pipeline-rules.ts';
import { runtimeRuleGroup } from './rules/runtime-rules.ts';
import { securityRuleGroup } from './rules/security-rules.ts';
import { targetRuleGroup } from './rules/target-rules.ts';
import { watchdogRuleGroup } from './rules/watchdog-rules.ts';
import { SERVICE_SLOS, sloRuleGroup } from './slo/slo-rule-groups.ts';
import type { ServiceSloDefinition } from './slo/slo-types.ts';

/** One generated file: `<name>.rules.yaml`. */
export interface RuleFileSpec {
  readonly name: string;
  /** What the file holds, for its header. */
  readonly title: string;
  readonly groups: readonly RuleGroupSpec[];
}

/** Every rule file for `profile`, from the given SLO definitions (the repository's by default). */
export function ruleFiles(
  profile: RenderProfile,
  slos: readonly ServiceSloDefinition[] = SERVICE_SLOS,
): readonly RuleFileSpec[] {
  const services = slos.map((definition) => definition.service);
  return [
    {
      name: 'slo',
      title: 'SLO recordings and multi-window, multi-burn-rate alerts',
      groups: slos.map((definition) => sloRuleGroup(definition, profile)),
    },
    {
      name: 'http',
      title: 'HTTP recordings, error-ratio and latency alerts',
      groups: [httpRuleGroup(profile)],
    },
    {
      name: 'targets',
      title: 'Scrape target, service-down and absent-metrics alerts',
      groups: [targetRuleGroup(profile, services)],
    },
    { name: 'runtime', title: 'Node.js runtime alerts', groups: [runtimeRuleGroup(profile)] },
    {
      name: 'pipeline',
      title: 'Telemetry sidecar alerts',
      groups: [pipelineRuleGroup(profile)],
    },
    { name: 'security', title: 'Security alerts', groups: [securityRuleGroup(profile)] },
    { name: 'watchdog', title: 'Alerting pipeline heartbeat', groups: [watchdogRuleGroup()] },
  ];
}
