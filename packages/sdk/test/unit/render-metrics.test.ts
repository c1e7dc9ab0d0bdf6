import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from '../../src/metrics/metrics-registry.ts';
import { HTTP_SERVER_REQUEST_DURATION, LOOKOUT_METRICS } from '../../src/metrics/names.ts';
import { MetricsRenderer, negotiateFormat } from '../../src/metrics/render-metrics.ts';
import { collectRuntimeMetrics } from '../../src/metrics/runtime-metrics.ts';

function populatedRegistry() {
  const metrics = new MetricsRegistry();
  collectRuntimeMetrics(metrics);
  metrics
    .counter({ name: LOOKOUT_METRICS.auditEvents, help: 'Audit records.', labelNames: ['event'] })
    .inc({ event: 'x' });
  metrics
    .histogram({
      name: HTTP_SERVER_REQUEST_DURATION,
      help: 'Request duration in seconds.',
      labelNames: ['http_route'],
      enableExemplars: true,
    })
    .observe({
      labels: { http_route: '/a' },
      value: 0.02,
      exemplarLabels: { trace_id: 'abc123' } as never,
    });
  return metrics;
}

describe('metrics rendering', () => {
  it('serves OpenMetrics to scrapers that accept it and classic text otherwise', () => {
    expect(negotiateFormat('application/openmetrics-text;version=1.0.0,text/plain;q=0.5')).toBe(
      'openmetrics',
    );
    expect(negotiateFormat('text/plain')).toBe('prometheus');
    expect(negotiateFormat(undefined)).toBe('prometheus');
  });

  it('puts exemplars with the trace id only in OpenMetrics', async () => {
    const renderer = new MetricsRenderer(populatedRegistry().registry);
    const open = await renderer.render('openmetrics');
    expect(open.body).toMatch(
      /http_server_request_duration_seconds_bucket\{.*\} 1 # \{trace_id="abc123"\} 0\.02/,
    );
    expect(open.body.trimEnd().endsWith('# EOF')).toBe(true);
    const classic = await renderer.render('prometheus');
    expect(classic.body).not.toContain('trace_id');
  });

  it('keeps counter names intact when formats alternate, even concurrently', async () => {
    const renderer = new MetricsRenderer(populatedRegistry().registry);
    const [, classic] = await Promise.all([
      renderer.render('openmetrics'),
      renderer.render('prometheus'),
    ]);
    expect(classic.body).toContain('# TYPE lookout_audit_events_total counter');
    expect(classic.body).toContain('lookout_audit_events_total{event="x"} 1');
  });

  it('returns the existing metric when asked for a name again, and refuses a different type', () => {
    const metrics = new MetricsRegistry();
    const first = metrics.counter({ name: 'jobs_total', help: 'Jobs.' });
    expect(metrics.counter({ name: 'jobs_total', help: 'Jobs.' })).toBe(first);
    expect(() => metrics.gauge({ name: 'jobs_total', help: 'Jobs.' })).toThrow(
      /already exists as a counter/,
    );
  });

  it('passes promtool check metrics with the runtime metrics included', async () => {
    const { body } = await new MetricsRenderer(populatedRegistry().registry).render('prometheus');
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(
      promtool.error,
      'promtool is installed by scripts/setup.sh (Debian package prometheus)',
    ).toBeUndefined();
    expect(`${promtool.stdout}${promtool.stderr}`).toBe('');
    expect(promtool.status).toBe(0);
    expect(body).toContain('nodejs_active_handles_total');
  });
});
