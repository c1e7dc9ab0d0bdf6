/**
 * Checks an SLO definition before any rule is generated from it. The important check: a
 * burn-rate alert fires when the error ratio exceeds factor × (1 − objective). When that product
 * is above 1 the error ratio would have to exceed 100%, so the alert could never fire and the SLO
 * would silently have no page. Such objectives are refused, not rendered.
 */
import { type Duration, toSeconds } from '../duration.ts';
import { BURN_RATE_WINDOWS, type BurnRateWindow, burnFactor } from './burn-rate-windows.ts';
import { SloDefinitionError } from './slo-error.ts';
import { type ServiceSloDefinition, type Slo, slosOf } from './slo-types.ts';

// A job label value that can sit inside a PromQL string literal without escaping.
const SERVICE_NAME = /^[A-Za-z0-9_.:-]+$/;

/**
 * Throws {@link SloDefinitionError} listing every problem of `definition`; returns it unchanged
 * when there is none.
 */
export function validateServiceSlos(
  definition: ServiceSloDefinition,
  windows: readonly BurnRateWindow[] = BURN_RATE_WINDOWS,
): ServiceSloDefinition {
  const problems: string[] = [];
  if (!SERVICE_NAME.test(definition.service)) {
    problems.push(`service "${definition.service}" is not a plain job label value`);
  }
  problems.push(...periodProblems(definition.period, windows));
  for (const slo of slosOf(definition)) problems.push(...objectiveProblems(slo, windows));

  const threshold = definition.latency.thresholdSeconds;
  if (!(Number.isFinite(threshold) && threshold > 0)) {
    problems.push(`latency threshold ${threshold} s is not a positive number of seconds`);
  }

  if (problems.length > 0) throw new SloDefinitionError(definition.service, problems);
  return definition;
}

function periodProblems(period: Duration, windows: readonly BurnRateWindow[]): string[] {
  const longest = Math.max(...windows.map((w) => toSeconds(w.long)));
  if (toSeconds(period) >= longest) return [];
  return [`period ${period} is shorter than the longest alert window`];
}

function objectiveProblems(slo: Slo, windows: readonly BurnRateWindow[]): string[] {
  const { kind, objective } = slo;
  if (!(objective > 0 && objective < 1)) {
    return [`${kind} objective ${objective} is not between 0 and 1 (exclusive)`];
  }

  const problems: string[] = [];
  for (const window of windows) {
    const factor = burnFactor(window, slo.period);
    const needed = factor * (1 - objective);
    // At exactly 1 the alert would need an error ratio above 100%, which is just as impossible.
    if (needed < 1) continue;
    const lowest = Number((1 - 1 / factor).toPrecision(6));
    problems.push(
      `${kind} objective ${objective} can never fire the ${window.long}/${window.short} ` +
        `${factor}x burn-rate alert: it needs an error ratio of ${formatShare(needed)}; ` +
        `use an objective above ${lowest}`,
    );
  }
  return problems;
}

function formatShare(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(4))}%`;
}
