import { describe, expect, it } from 'vitest';
import { LookoutConfigError } from '../../src/config/config-error.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { LookoutOptions } from '../../src/config/options.ts';

const load = (env: Record<string, string>, options?: LookoutOptions) =>
  loadConfig({ env, options, cwd: '/nonexistent' });

function configError(run: () => unknown): LookoutConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof LookoutConfigError) return error;
    throw error;
  }
  throw new Error('expected a LookoutConfigError');
}

describe('loadConfig', () => {
  it('applies documented defaults when the environment is empty', () => {
    const config = load({});
    expect(config.otlp.tracesUrl).toBe('http://localhost:4318/v1/traces');
    expect(config.otlp.logsUrl).toBe('http://localhost:4318/v1/logs');
    expect(config.traces.sampler).toBe('parentbased_always_on');
    expect(config.traces.propagators).toEqual(['tracecontext', 'baggage']);
    expect(config.traces.instrumentations).not.toContain('fs');
    expect(config.service.name).toBe('unknown_service:node');
    expect(config.service.environment).toBe('production');
    expect(config.metrics.allowFrom).toEqual(['loopback']);
  });

  it('appends the signal path to a base endpoint, with or without a trailing slash or a path', () => {
    expect(load({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://sidecar:4318' }).otlp.tracesUrl).toBe(
      'http://sidecar:4318/v1/traces',
    );
    expect(load({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otlp.example/otlp/' }).otlp.logsUrl).toBe(
      'https://otlp.example/otlp/v1/logs',
    );
    expect(load({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otlp.example/otlp' }).otlp.logsUrl).toBe(
      'https://otlp.example/otlp/v1/logs',
    );
  });

  it('uses a per-signal endpoint exactly as given, overriding the base', () => {
    const config = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://base:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/custom/path',
    });
    expect(config.otlp.tracesUrl).toBe('http://tempo:4318/custom/path');
    expect(config.otlp.logsUrl).toBe('http://base:4318/v1/logs');
  });

  it('turns span and log export off with OTEL_SDK_DISABLED', () => {
    const config = load({ OTEL_SDK_DISABLED: 'true' });
    expect(config.telemetryDisabled).toBe(true);
    expect(config.otlp.tracesUrl).toBeUndefined();
    expect(config.otlp.logsUrl).toBeUndefined();
  });

  it('reads the service identity from OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES', () => {
    const config = load({
      OTEL_SERVICE_NAME: 'orders',
      OTEL_RESOURCE_ATTRIBUTES: 'service.version=1.2.3,service.namespace=shop,team=pay%20ments',
    });
    expect(config.service).toMatchObject({ name: 'orders', version: '1.2.3', namespace: 'shop' });
    expect(config.resourceAttributes.team).toBe('pay ments');
  });

  it('lets code options override the environment', () => {
    const config = load({ LOOKOUT_SHUTDOWN_GRACE_MS: '9000' }, { shutdown: { graceMs: 1234 } });
    expect(config.shutdown.graceMs).toBe(1234);
  });

  it('parses sampler, ratio and instrumentation lists', () => {
    const config = load({
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'kafkajs, grpc',
    });
    expect(config.traces.sampler).toBe('parentbased_traceidratio');
    expect(config.traces.samplerRatio).toBe(0.25);
    expect(config.traces.instrumentations).not.toContain('grpc');
    expect(config.traces.instrumentations).toContain('http');
  });

  it('lists every invalid variable at once, with the value received and what it expects', () => {
    const error = configError(() =>
      load({
        OTEL_TRACES_SAMPLER_ARG: '1.5',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318',
        LOOKOUT_SHUTDOWN_GRACE_MS: 'soon',
        OTEL_TRACES_SAMPLER: 'sometimes',
      }),
    );
    expect(error.code).toBe('LOOKOUT_CONFIG_INVALID');
    expect(error.issues.map((issue) => issue.source).sort()).toEqual([
      'LOOKOUT_SHUTDOWN_GRACE_MS',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_TRACES_SAMPLER',
      'OTEL_TRACES_SAMPLER_ARG',
    ]);
    expect(error.message).toContain(
      'OTEL_TRACES_SAMPLER_ARG: got "1.5"; expected a ratio between 0 and 1',
    );
    expect(error.message).toContain('LOOKOUT_SHUTDOWN_GRACE_MS: got "soon"');
    expect(error.message).toMatch(/^Lookout cannot start: 4 invalid settings/);
  });

  it('never echoes a secret value in the error', () => {
    const error = configError(() => load({ OTEL_EXPORTER_OTLP_HEADERS: 'authorization' }));
    expect(error.message).toContain('OTEL_EXPORTER_OTLP_HEADERS');
    expect(error.message).not.toContain('authorization');
  });

  it('rejects an unknown LOOKOUT_ variable so a typo cannot pass silently', () => {
    const error = configError(() => load({ LOOKOUT_LOG_LEVL: 'debug' }));
    expect(error.issues[0]?.source).toBe('LOOKOUT_LOG_LEVL');
  });

  it('rejects unknown code options', () => {
    const error = configError(() => load({}, { shutdown: { graceMS: 5 } } as never));
    expect(error.issues[0]?.source).toContain('option shutdown');
  });

  it('returns a frozen configuration', () => {
    const config = load({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.otlp)).toBe(true);
  });
});
