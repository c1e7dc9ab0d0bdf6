/**
 * What the production override must change, checked on the merged model that
 * `docker compose -f docker-compose.yml -f docker-compose.prod.yml config` renders.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { installCompose, renderConfig } from './support/compose-cli.ts';
import { type ComposeModel, serviceOf, servicesOf } from './support/compose-model.ts';
import { BASE_FILE, PROD_FILE } from './support/paths.ts';

// The admin UIs and write APIs that must stay on the private network in production.
const PRIVATE_SERVICES = ['prometheus', 'alertmanager', 'loki', 'tempo', 'redis'];
// One-shot helpers exit by design; a restart policy would loop them.
const ONE_SHOT_SERVICES = new Set(['sidecar-queue-init']);

let model: ComposeModel;

beforeAll(async () => {
  await installCompose();
  model = await renderConfig([BASE_FILE, PROD_FILE]);
}, 600_000);

describe('the production override', () => {
  it('publishes no admin port of the monitoring backends or the sidecars', () => {
    const published = servicesOf(model)
      .filter(([name]) => PRIVATE_SERVICES.includes(name) || name.endsWith('-sidecar'))
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);

    expect(published).toEqual([]);
  });

  it('publishes Grafana on loopback only, for a reverse proxy on the host', () => {
    const ports = serviceOf(model, 'grafana').ports ?? [];

    expect(ports.length).toBe(1);
    expect(ports[0]?.host_ip).toBe('127.0.0.1');
  });

  it('restarts every long-running container and limits its memory', () => {
    for (const [name, service] of servicesOf(model)) {
      if (ONE_SHOT_SERVICES.has(name)) {
        expect(service.restart ?? 'no', name).toBe('no');
        continue;
      }
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.deploy?.resources?.limits?.memory, name).toMatch(/^\d+$|^\d+[kmg]b?$/i);
    }
  });

  it('rotates every container log', () => {
    for (const [name, service] of servicesOf(model)) {
      expect(service.logging?.options?.['max-size'], name).toMatch(/^\d+[kmg]$/);
      expect(Number(service.logging?.options?.['max-file']), name).toBeGreaterThan(1);
    }
  });

  it('makes Grafana ask for a login and read the admin password from a secret file', () => {
    const grafana = serviceOf(model, 'grafana');
    const passwordFile = grafana.environment?.GF_SECURITY_ADMIN_PASSWORD__FILE;
    const mounted = grafana.secrets?.map((secret) => secret.target) ?? [];

    expect(grafana.environment?.GF_AUTH_ANONYMOUS_ENABLED).toBe('false');
    expect(grafana.environment?.GF_SECURITY_ADMIN_PASSWORD).toBeUndefined();
    expect(mounted).toContain(passwordFile);
  });

  it('reads every secret from the host secret directory, not from the repository', () => {
    const files = Object.values(model.secrets ?? {}).map((secret) => secret.file ?? '');

    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^\/etc\/lookout\/secrets\//);
  });

  it('names every data volume, so renaming the project never orphans data', () => {
    for (const [key, volume] of Object.entries(model.volumes ?? {})) {
      expect(volume.name, key).toBe(`lookout-${key}`);
    }
  });

  it('keeps each sidecar Go heap limit below its container memory limit', () => {
    for (const [name, service] of servicesOf(model).filter(([n]) => n.endsWith('-sidecar'))) {
      const goLimit = parseBytes(service.environment?.GOMEMLIMIT ?? '');
      const containerLimit = parseBytes(service.deploy?.resources?.limits?.memory ?? '');

      expect(goLimit, name).toBeGreaterThan(0);
      expect(goLimit, name).toBeLessThan(containerLimit);
    }
  });
});

// Bytes from Go's GOMEMLIMIT syntax (200MiB) or Compose's canonical byte count ("268435456").
function parseBytes(text: string): number {
  const match = /^(\d+)\s*([KMG]i?B?)?$/i.exec(text);
  if (match === null) return Number.NaN;
  const units: Record<string, number> = { K: 1 << 10, M: 1 << 20, G: 1 << 30 };
  const unit = match[2]?.[0]?.toUpperCase();
  return Number(match[1]) * (unit === undefined ? 1 : (units[unit] ?? Number.NaN));
}
