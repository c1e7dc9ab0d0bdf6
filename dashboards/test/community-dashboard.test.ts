import { describe, expect, it } from 'vitest';
import { RUNTIME_METRICS } from '../src/metric-names.ts';

/**
 * Metric names read by the community "NodeJS Application Dashboard" (grafana.com ID 11159),
 * the one most Node.js teams import, listed by hand from its panels: process CPU, event-loop
 * lag, Node.js version, heap and process memory, heap per space, active handles and requests.
 * If the SDK emits all of them, that dashboard shows data without edits.
 */
const COMMUNITY_NODEJS_DASHBOARD = [
  'process_cpu_user_seconds_total',
  'process_cpu_system_seconds_total',
  'process_cpu_seconds_total',
  'process_start_time_seconds',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_seconds',
  'nodejs_version_info',
  'nodejs_heap_size_total_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_external_memory_bytes',
  'nodejs_heap_space_size_used_bytes',
  'nodejs_heap_space_size_total_bytes',
  'nodejs_heap_space_size_available_bytes',
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
];

describe('the SDK runtime metric names', () => {
  const sdkNames = new Set<string>(Object.values(RUNTIME_METRICS));

  it('include every name the community Node.js dashboard reads', () => {
    const missing = COMMUNITY_NODEJS_DASHBOARD.filter((name) => !sdkNames.has(name));
    expect(missing).toEqual([]);
  });

  it("keep prom-client's prefixes and units, so the names are the ones prom-client uses", () => {
    for (const name of sdkNames) expect(name).toMatch(/^(process|nodejs)_[a-z0-9_]+$/);
  });
});
