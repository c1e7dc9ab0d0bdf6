/**
 * The dashboards' only door to the series the alert rules record. The SLO dashboard reads the
 * same error ratios, objectives and budgets the burn-rate alerts fire on, so the dashboard
 * behind a page shows exactly what paged; a rename in `alerts/` breaks this build.
 */
export {
  BURN_RATE_WINDOWS,
  type BurnRateWindow,
  burnFactor,
  type Duration,
  SLO_RECORDED,
  sloErrorRatio,
} from '../../alerts/src/index.ts';

/** The label that tells an SLO series which SLI it belongs to. */
export const SLO_LABEL = 'slo';

/** The two SLIs, as values of {@link SLO_LABEL}. */
export const SLI_KINDS = ['availability', 'latency'] as const;

/** One of the SLIs. */
export type SliKind = (typeof SLI_KINDS)[number];
