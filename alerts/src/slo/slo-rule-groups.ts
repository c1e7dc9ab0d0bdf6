/**
 * Turns SLO definitions into rule groups: one group per service, recordings first so the alerts
 * in the same group read ratios computed in the same evaluation.
 */
import type { RenderProfile } from '../profile.ts';
import type { RuleGroupSpec } from '../rule-types.ts';
import { burnRateAlerts } from './burn-rate-alerts.ts';
import { BURN_RATE_WINDOWS, type BurnRateWindow } from './burn-rate-windows.ts';
import { INVENTORY_SLOS } from './inventory.ts';
import { ORDERS_SLOS } from './orders.ts';
import { sloRecordingRules } from './slo-recording-rules.ts';
import { type ServiceSloDefinition, slosOf } from './slo-types.ts';
import { validateServiceSlos } from './validate-slo.ts';

/** The SLO definitions the repository ships, one per example service. */
export const SERVICE_SLOS: readonly ServiceSloDefinition[] = [ORDERS_SLOS, INVENTORY_SLOS];

/**
 * The rule group of one service's SLOs. Throws `SloDefinitionError` when the definition could not
 * produce working alerts.
 */
export function sloRuleGroup(
  definition: ServiceSloDefinition,
  profile: RenderProfile,
  windows: readonly BurnRateWindow[] = BURN_RATE_WINDOWS,
): RuleGroupSpec {
  validateServiceSlos(definition, windows);
  const slos = slosOf(definition);
  const recordings = slos.flatMap((slo) => sloRecordingRules(slo, windows, profile));
  const alerts = slos.flatMap((slo) => burnRateAlerts(slo, windows, profile));
  return { name: `slo-${definition.service}`, rules: [...recordings, ...alerts] };
}
