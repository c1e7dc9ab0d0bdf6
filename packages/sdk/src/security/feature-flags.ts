import type { ConfigIssue } from '../config/config-error.ts';
import { LookoutConfigError } from '../config/config-error.ts';
import { type PromRegistry, securityMetrics } from './security-metrics.ts';

/** The flags a service declares, with their default state. */
export type FlagDefaults = Readonly<Record<string, boolean>>;

/** The resolved flags: exactly the declared names, each on or off. */
export type FeatureFlags<D extends FlagDefaults> = { readonly [K in keyof D]: boolean };

/**
 * Resolves the service's declared flags against `LOOKOUT_FEATURE_FLAGS`. A name the service did
 * not declare is a startup error, since a misspelt flag would otherwise leave a feature in the
 * wrong state without a word. The result is frozen and typed by the declaration, so
 * `flags.newCheckout` is checked at compile time.
 */
export function resolveFeatureFlags<const D extends FlagDefaults>(
  declared: D,
  configured: Readonly<Record<string, boolean>>,
): FeatureFlags<D> {
  const issues: ConfigIssue[] = Object.keys(configured)
    .filter((name) => !Object.hasOwn(declared, name))
    .map((name) => ({
      source: 'LOOKOUT_FEATURE_FLAGS',
      received: `undeclared flag "${name}"`,
      expected: `one of ${Object.keys(declared).join(', ') || '(no flags declared)'}`,
    }));
  if (issues.length > 0) throw new LookoutConfigError(issues);

  const flags: Record<string, boolean> = {};
  for (const [name, fallback] of Object.entries(declared))
    flags[name] = configured[name] ?? fallback;
  return Object.freeze(flags) as FeatureFlags<D>;
}

/**
 * Publishes each flag as `lookout_feature_flag_enabled{flag}` (1 on, 0 off), so a dashboard can
 * line up a behaviour change with the flag that caused it, and returns the active set for the
 * start-up log line.
 */
export function exposeFeatureFlags(
  flags: Readonly<Record<string, boolean>>,
  registry: PromRegistry,
): { readonly enabled: readonly string[]; readonly disabled: readonly string[] } {
  const gauge = securityMetrics(registry).featureFlag;
  for (const [flag, on] of Object.entries(flags)) gauge.set({ flag }, on ? 1 : 0);
  const names = Object.keys(flags).sort();
  return { enabled: names.filter((n) => flags[n]), disabled: names.filter((n) => !flags[n]) };
}
