/**
 * What a reviewer checks in deploy/k8s, checked on every change: hardening on every container,
 * configuration the SDK and the sidecar actually accept, probes on the paths the SDK serves, and
 * a shutdown the kubelet does not cut short.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LookoutConfig, loadConfig } from '@lookout/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { type Container, envOf, manifests, type Workload, workloads } from './support/manifests.ts';
import { sidecarPort, sidecarSettings } from './support/sidecar-settings.ts';

// Read by the Go runtime and by the collector's `env` resource detector, not by `${env:...}`.
const SIDECAR_VARIABLES_OUTSIDE_CONFIG = new Set(['GOMEMLIMIT', 'OTEL_RESOURCE_ATTRIBUTES']);
// What the sidecar needs after the service has gone: one export attempt of what it still holds.
const SIDECAR_FLUSH_SECONDS = 10;

const secretsDir = mkdtempSync(join(tmpdir(), 'lookout-k8s-secrets-'));
afterAll(() => rmSync(secretsDir, { recursive: true, force: true }));

const all = workloads();
// Named `<pod>/<container>`: both pods call their sidecar container `sidecar`.
const containers = all.flatMap((w) =>
  [w.sidecar, w.service].map((c) => ({ ...c, name: `${w.name}/${c.name}` })),
);

/** The service's configuration as the SDK resolves it, each `*_FILE` pointing at a real file. */
function serviceConfig(workload: Workload): LookoutConfig {
  const env = envOf(workload.service);
  for (const name of Object.keys(env).filter((key) => key.endsWith('_FILE'))) {
    const file = join(secretsDir, `${workload.name}-${name}`);
    writeFileSync(file, 'k8s-manifest-test-secret-value\n');
    env[name] = file;
  }
  return loadConfig({ env });
}

function portNamed(container: Container, name: string): number | undefined {
  return container.ports?.find((port) => port.name === name)?.containerPort;
}

// A policy names ports as the containers do; the number is what a connection reaches.
function numbered(port: number | string): number {
  if (typeof port === 'number') return port;
  const found = containers.map((c) => portNamed(c, port)).find((n) => n !== undefined);
  if (found === undefined) throw new Error(`no container declares a port named ${port}`);
  return found;
}

function mebibytes(quantity: string | undefined): number {
  const match = /^(\d+)(Mi|Gi)[B]?$/.exec(quantity ?? '');
  if (match === null) throw new Error(`not a Mi/Gi quantity: ${quantity}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

describe('every container', () => {
  it.each(all)('$name pod runs as non-root with the runtime seccomp profile', (workload) => {
    expect(workload.podSecurity).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it.each(containers)('$name cannot escalate, write its image or use capabilities', (c) => {
    expect(c.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  it.each(containers)('$name has a pinned image, requests and a memory limit', (c) => {
    expect(c.image).toMatch(/:\d+\.\d+\.\d+$/);
    expect(Object.keys(c.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(c.resources?.limits?.memory).toBeDefined();
  });
});

describe.each(all)('the $name service', (workload) => {
  const env = envOf(workload.service);

  it('has a configuration the SDK accepts, sending to its own sidecar', () => {
    const config = serviceConfig(workload);
    expect(config.service.name).toBe(workload.name);
    expect(config.otlp.tracesUrl).toBe(
      `http://localhost:${sidecarPort('LOOKOUT_OTLP_HTTP_PORT')}/v1/traces`,
    );
    expect(config.admin.token).toBeDefined();
  });

  it('is probed on the paths and port the SDK serves', () => {
    const { health } = serviceConfig(workload);
    const port = portNamed(workload.service, 'http');
    expect(port).toBe(Number(env.PORT));
    expect(workload.service.livenessProbe?.httpGet).toEqual({
      path: health.livePath,
      port: 'http',
    });
    expect(workload.service.startupProbe?.httpGet).toEqual({
      path: health.livePath,
      port: 'http',
    });
    expect(workload.service.readinessProbe?.httpGet).toEqual({
      path: health.readyPath,
      port: 'http',
    });
  });

  it('gets a grace period longer than its drain plus the sidecar flush', () => {
    const { delayMs, graceMs, timeoutMs } = serviceConfig(workload).shutdown;
    const drainSeconds = (delayMs + graceMs + timeoutMs) / 1000;
    expect(workload.terminationGracePeriodSeconds).toBeGreaterThan(
      drainSeconds + SIDECAR_FLUSH_SECONDS,
    );
  });
});

describe.each(all)('the $name sidecar', (workload) => {
  const env = envOf(workload.sidecar);
  const serviceEnv = envOf(workload.service);

  it('is set only through variables its configuration reads', () => {
    const known = sidecarSettings();
    const unknown = Object.keys(env).filter(
      (name) => !known.has(name) && !SIDECAR_VARIABLES_OUTSIDE_CONFIG.has(name),
    );
    expect(unknown).toEqual([]);
  });

  it('scrapes its own service over localhost and labels it the same way', () => {
    expect(env.LOOKOUT_METRICS_TARGET).toBe(`localhost:${serviceEnv.PORT}`);
    expect(env.OTEL_SERVICE_NAME).toBe(serviceEnv.OTEL_SERVICE_NAME);
    expect(env.LOOKOUT_ENVIRONMENT).toBe(serviceEnv.LOOKOUT_ENVIRONMENT);
  });

  it('is probed on its health_check port and exposes its own metrics port', () => {
    const health = { path: '/', port: sidecarPort('LOOKOUT_HEALTH_PORT') };
    expect(workload.sidecar.startupProbe?.httpGet).toEqual(health);
    expect(workload.sidecar.livenessProbe?.httpGet).toEqual(health);
    expect(portNamed(workload.sidecar, 'otel-metrics')).toBe(sidecarPort('LOOKOUT_TELEMETRY_PORT'));
  });

  it('holds its Go heap to about 80% of its memory limit', () => {
    const ratio = mebibytes(env.GOMEMLIMIT) / mebibytes(workload.sidecar.resources?.limits?.memory);
    expect(ratio).toBeGreaterThanOrEqual(0.7);
    expect(ratio).toBeLessThanOrEqual(0.85);
  });
});

describe('the cluster around the pods', () => {
  const objects = manifests();

  it('gives every service a disruption budget', () => {
    const budgets = objects.filter((o) => o.kind === 'PodDisruptionBudget');
    expect(budgets.map((b) => b.metadata.name).sort()).toEqual(all.map((w) => w.name).sort());
  });

  it('never opens an ingress rule to every source or to the OTLP receivers', () => {
    type Rule = { from?: unknown[]; ports?: { port: number | string }[] };
    const rules = objects
      .filter((o) => o.kind === 'NetworkPolicy')
      .flatMap((o) => ((o.spec as { ingress?: Rule[] }).ingress ?? []) as Rule[]);
    const otlpPorts = [
      sidecarPort('LOOKOUT_OTLP_GRPC_PORT'),
      sidecarPort('LOOKOUT_OTLP_HTTP_PORT'),
    ];

    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.from?.length).toBeGreaterThan(0);
      expect(rule.ports?.length).toBeGreaterThan(0);
      for (const { port } of rule.ports ?? []) expect(otlpPorts).not.toContain(numbered(port));
    }
  });
});
