/**
 * Node.js process alerts, per instance: a blocked event loop, a heap close to V8's limit, and a
 * process that keeps restarting.
 */
import { DASHBOARDS } from '../links.ts';
import { RUNTIME_METRICS } from '../metric-names.ts';
import { hold, type RenderProfile, range } from '../profile.ts';
import { num } from '../promql.ts';
import type { AlertSpec, RuleGroupSpec } from '../rule-types.ts';
import type { Tier } from './http-rules.ts';

/**
 * p99 event-loop delay, seconds. prom-client's histogram resolves 10 ms and resets at every
 * scrape, so its p99 is that scrape interval's; a healthy service stays in tens of milliseconds.
 */
export const EVENT_LOOP_P99_THRESHOLD_SECONDS = 0.2;

/**
 * Heap used as a share of V8's limit. Past the warning the garbage collector runs ever more
 * often; past the critical tier an out-of-memory crash is minutes away.
 */
export const HEAP_TIERS: readonly Tier[] = [
  { severity: 'warning', threshold: 0.85, for: '15m' },
  { severity: 'critical', threshold: 0.95, for: '5m' },
];

/** More start-time changes than this within the window is a crash loop, not a deploy. */
export const RESTARTS_ALLOWED = 2;

/** The runtime alerts. */
export function runtimeRuleGroup(profile: RenderProfile): RuleGroupSpec {
  return {
    name: 'nodejs-runtime',
    rules: [
      eventLoopDelayHigh(profile),
      ...HEAP_TIERS.map((tier) => heapNearLimit(profile, tier)),
      frequentRestarts(profile),
    ],
  };
}

function eventLoopDelayHigh(profile: RenderProfile): AlertSpec {
  const threshold = num(EVENT_LOOP_P99_THRESHOLD_SECONDS);
  return {
    alert: 'EventLoopDelayHigh',
    expr: `${RUNTIME_METRICS.eventLoopLagP99} > ${threshold}`,
    for: hold(profile, '5m'),
    severity: 'warning',
    perService: true,
    perInstance: true,
    symptom: true,
    summary: "{{ $labels.instance }}'s event loop is blocked: every request there waits",
    description:
      `The p99 event-loop delay of {{ $labels.job }} on {{ $labels.instance }} is ` +
      `{{ $value | humanizeDuration }} (threshold ${threshold}s) and has stayed above it for ` +
      `${hold(profile, '5m')}.`,
    dashboard: DASHBOARDS.nodejsRuntime,
  };
}

function heapNearLimit(profile: RenderProfile, tier: Tier): AlertSpec {
  const percent = `${num(tier.threshold * 100)}%`;
  return {
    alert: 'HeapNearLimit',
    expr:
      `${RUNTIME_METRICS.heapUsed}\n/\n${RUNTIME_METRICS.heapSizeLimit}\n` +
      `> ${num(tier.threshold)}`,
    for: hold(profile, tier.for),
    severity: tier.severity,
    perService: true,
    perInstance: true,
    symptom: true,
    summary: `{{ $labels.instance }} has used more than ${percent} of its V8 heap limit`,
    description:
      `{{ $labels.job }} on {{ $labels.instance }} uses {{ $value | humanizePercentage }} of ` +
      `its heap limit (threshold ${percent} for ${hold(profile, tier.for)}).`,
    dashboard: DASHBOARDS.nodejsRuntime,
  };
}

// A restart changes process_start_time_seconds; changes() counts it even across the scrape gap
// the restart itself causes.
function frequentRestarts(profile: RenderProfile): AlertSpec {
  const window = range(profile, '30m');
  return {
    alert: 'FrequentRestarts',
    expr: `changes(${RUNTIME_METRICS.startTime}[${window}]) > ${RESTARTS_ALLOWED}`,
    severity: 'warning',
    perService: true,
    perInstance: true,
    summary: '{{ $labels.instance }} keeps restarting',
    description:
      `{{ $labels.job }} on {{ $labels.instance }} restarted {{ $value }} times in the last ` +
      `${window}.`,
    dashboard: DASHBOARDS.nodejsRuntime,
  };
}
