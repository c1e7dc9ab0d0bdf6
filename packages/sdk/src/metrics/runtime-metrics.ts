import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { collectDefaultMetrics } from 'prom-client';
import type { MetricsRegistry } from './metrics-registry.ts';
import { RUNTIME_METRICS } from './names.ts';

/**
 * Node.js runtime metrics under prom-client's usual names (so community dashboards work), plus
 * event-loop utilisation and the V8 heap limit, which prom-client does not report and which the
 * "heap near its limit" alert needs.
 */
export function collectRuntimeMetrics(metrics: MetricsRegistry): void {
  // Idempotent: prom-client would throw on the second registration of the same names.
  if (metrics.registry.getSingleMetric(RUNTIME_METRICS.heapUsed)) return;

  collectDefaultMetrics({ register: metrics.registry, eventLoopMonitoringPrecision: 10 });
  let previous = performance.eventLoopUtilization();
  metrics.gauge({
    name: RUNTIME_METRICS.eventLoopUtilization,
    help: 'Share of time the event loop was busy since the previous scrape (0 to 1).',
    collect() {
      const current = performance.eventLoopUtilization();
      this.set(performance.eventLoopUtilization(current, previous).utilization);
      previous = current;
    },
  });
  metrics.gauge({
    name: RUNTIME_METRICS.heapSizeLimit,
    help: 'Maximum size the V8 heap may grow to, in bytes.',
    collect() {
      this.set(getHeapStatistics().heap_size_limit);
    },
  });
}
