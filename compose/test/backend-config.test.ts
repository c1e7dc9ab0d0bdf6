/**
 * Invariants of the backends' own configuration files: listeners reachable from other
 * containers, Loki able to store OTLP logs with their trace ids, Tempo feeding Prometheus.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOKI_CONFIG, SIDECAR_CONFIG, TEMPO_CONFIG } from './support/paths.ts';
import { readYaml, valuesUnderKeys } from './support/yaml-file.ts';

// Keys under which collector-style configs (Tempo's receivers, the sidecar) name listeners.
const LISTENER_KEYS = new Set(['endpoint', 'http_listen_address', 'grpc_listen_address']);

interface LokiConfig {
  readonly server: { readonly http_listen_address: string; readonly grpc_listen_address: string };
  readonly schema_config: {
    readonly configs: readonly { store: string; schema: string; from: string }[];
  };
  readonly limits_config: { allow_structured_metadata: boolean; retention_period: string };
  readonly compactor: { retention_enabled: boolean; delete_request_store?: string };
}

interface TempoConfig {
  readonly distributor: { readonly receivers: Record<string, unknown> };
  readonly metrics_generator: {
    readonly storage: {
      readonly remote_write: readonly { url: string; send_exemplars?: boolean }[];
    };
  };
  readonly overrides: {
    readonly defaults: { readonly metrics_generator: { processors: string[] } };
  };
}

describe('Loki', () => {
  it('stores logs with schema v13 on the tsdb index from the newest schema entry on', async () => {
    const loki = await readYaml<LokiConfig>(LOKI_CONFIG);
    const newest = loki.schema_config.configs.at(-1);

    expect(newest).toMatchObject({ store: 'tsdb', schema: 'v13' });
  });

  it('accepts structured metadata, where OTLP records keep trace_id and span_id', async () => {
    const loki = await readYaml<LokiConfig>(LOKI_CONFIG);

    expect(loki.limits_config.allow_structured_metadata).toBe(true);
  });

  it('deletes logs past the retention period through the compactor', async () => {
    const loki = await readYaml<LokiConfig>(LOKI_CONFIG);

    expect(loki.limits_config.retention_period).toMatch(/^\d+[hdw]$/);
    expect(loki.compactor.retention_enabled).toBe(true);
    expect(loki.compactor.delete_request_store).toBe('filesystem');
  });

  it('listens on every interface', async () => {
    const loki = await readYaml<LokiConfig>(LOKI_CONFIG);

    expect(loki.server.http_listen_address).toBe('0.0.0.0');
    expect(loki.server.grpc_listen_address).toBe('0.0.0.0');
  });
});

describe('Tempo', () => {
  it('binds every receiver and server listener to 0.0.0.0 explicitly', async () => {
    const tempo = await readYaml<TempoConfig>(TEMPO_CONFIG);
    const listeners = valuesUnderKeys(tempo, LISTENER_KEYS);

    expect(valuesUnderKeys(tempo.distributor.receivers, LISTENER_KEYS).length).toBeGreaterThan(0);
    for (const { path, value } of listeners) expect(value, path).toMatch(/^0\.0\.0\.0(:\d+)?$/);
  });

  it('remote-writes service graphs and span metrics to Prometheus with exemplars', async () => {
    const tempo = await readYaml<TempoConfig>(TEMPO_CONFIG);

    expect(tempo.overrides.defaults.metrics_generator.processors).toEqual(
      expect.arrayContaining(['service-graphs', 'span-metrics']),
    );
    expect(tempo.metrics_generator.storage.remote_write).toEqual([
      { url: 'http://prometheus:9090/api/v1/write', send_exemplars: true },
    ]);
  });
});

describe('the sidecar collector', () => {
  it('binds every receiver and extension endpoint to 0.0.0.0 explicitly', async () => {
    expect(existsSync(SIDECAR_CONFIG), SIDECAR_CONFIG).toBe(true);
    const config = await readYaml<{ receivers: unknown; extensions?: unknown }>(SIDECAR_CONFIG);
    const listeners = [
      ...valuesUnderKeys(config.receivers, LISTENER_KEYS),
      ...valuesUnderKeys(config.extensions, LISTENER_KEYS),
    ];

    expect(listeners.length).toBeGreaterThan(0);
    // The port may come from the environment (`0.0.0.0:${env:PORT:-4317}`); the address may not.
    for (const { path, value } of listeners) {
      expect(value, path).toMatch(/^0\.0\.0\.0:(\d+|\$\{env:\w+:-\d+\})$/);
    }
  });
});
