/**
 * Invariants of the Compose stack, checked on what `docker compose config` renders for the demo
 * file alone and for the demo file plus the production override.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { installCompose, renderConfig } from './support/compose-cli.ts';
import {
  type ComposeModel,
  serviceOf,
  servicesOf,
  servicesRunning,
} from './support/compose-model.ts';
import { unpinnedReason } from './support/image-ref.ts';
import {
  ALERTMANAGER_CONFIG,
  BASE_FILE,
  EXAMPLE_SERVICE_DOCKERFILE,
  PROD_FILE,
  PROMETHEUS_CONFIG,
  REPO_ROOT,
  SIDECAR_CONFIG,
  SIDECAR_DOCKERFILE,
} from './support/paths.ts';
import { readYaml } from './support/yaml-file.ts';

const STACKS = [
  { name: 'demo', files: [BASE_FILE] },
  { name: 'production', files: [BASE_FILE, PROD_FILE] },
] as const;

const REQUIRED_PROMETHEUS_FLAGS = [
  '--web.enable-remote-write-receiver',
  '--enable-feature=exemplar-storage',
];

// The sidecar image runs as this uid (packages/sidecar/Dockerfile); its queue must be its own.
const SIDECAR_UID = '10001';

beforeAll(async () => {
  await installCompose();
}, 600_000);

describe.each(STACKS)('the $name stack', ({ files }) => {
  let model: ComposeModel;

  beforeAll(async () => {
    model = await renderConfig(files);
  }, 60_000);

  it('pins every image to an explicit version tag', () => {
    const unpinned = servicesOf(model).flatMap(([name, service]) => {
      const reason = service.image === undefined ? 'no image' : unpinnedReason(service.image);
      return reason === undefined ? [] : [`${name}: ${service.image} (${reason})`];
    });

    expect(unpinned).toEqual([]);
  });

  it('runs Prometheus with the remote-write receiver, exemplar storage and retention', () => {
    const command = serviceOf(model, 'prometheus').command ?? [];

    expect(command).toEqual(expect.arrayContaining(REQUIRED_PROMETHEUS_FLAGS));
    expect(command.some((flag) => /^--storage\.tsdb\.retention\.time=\d+[dhwy]$/.test(flag))).toBe(
      true,
    );
    expect(command.some((flag) => /^--storage\.tsdb\.retention\.size=\d+[KMGT]B$/.test(flag))).toBe(
      true,
    );
  });

  it('gives Prometheus the generated alert rules where its rule_files glob looks', async () => {
    const config = await readYaml<{ rule_files: string[] }>(PROMETHEUS_CONFIG);
    const rules = serviceOf(model, 'prometheus').volumes?.find(
      (mount) => mount.source === `${REPO_ROOT}/alerts/generated`,
    );

    expect(rules?.read_only).toBe(true);
    expect(config.rule_files).toContain(`${rules?.target}/*.rules.yaml`);
  });

  it('mounts the Alertmanager config from alerts/ and reads receiver secrets as files', () => {
    const alertmanager = serviceOf(model, 'alertmanager');
    const configMount = alertmanager.volumes?.find(
      (mount) => mount.source === `${REPO_ROOT}/alerts/alertmanager/alertmanager.yml`,
    );

    expect(alertmanager.command).toContain(`--config.file=${configMount?.target}`);
    expect(alertmanager.secrets?.length).toBeGreaterThan(0);
  });

  it('names each sidecar after the service it scrapes, at that service port', () => {
    for (const [name, service] of servicesOf(model)) {
      const endpoint = service.environment?.OTEL_EXPORTER_OTLP_ENDPOINT;
      if (typeof endpoint !== 'string') continue;
      const sidecar = serviceOf(model, new URL(endpoint).hostname);

      expect(sidecar.environment?.OTEL_SERVICE_NAME, name).toBe(
        service.environment?.OTEL_SERVICE_NAME,
      );
      expect(sidecar.environment?.LOOKOUT_METRICS_TARGET, name).toBe(
        `${name}:${service.environment?.PORT}`,
      );
    }
  });

  it('passes the sidecars only settings that the sidecar config reads', async () => {
    const config = await readFile(SIDECAR_CONFIG, 'utf8');
    const read = new Set([...config.matchAll(/\$\{env:(\w+)/g)].map((match) => match[1]));
    // Read by the Go runtime and the env resource detector, not by the config file.
    const runtime = new Set(['GOMEMLIMIT', 'OTEL_RESOURCE_ATTRIBUTES']);

    for (const [name, sidecar] of servicesRunning(model, 'lookout/sidecar')) {
      const unread = Object.keys(sidecar.environment ?? {}).filter(
        (key) => !read.has(key) && !runtime.has(key),
      );
      expect(unread, name).toEqual([]);
    }
  });

  it('mounts every secret file alertmanager.yml reads', async () => {
    const config = await readFile(ALERTMANAGER_CONFIG, 'utf8');
    const wanted = [...config.matchAll(/_file: (\S+)/g)].map((match) => match[1]);
    const mounted = serviceOf(model, 'alertmanager').secrets?.map((secret) => secret.target) ?? [];

    expect(wanted.length).toBeGreaterThan(0);
    expect(mounted).toEqual(expect.arrayContaining(wanted));
  });

  it('tells every sidecar the same scrape interval as Prometheus and Grafana use', async () => {
    const prometheus = await readYaml<{ global: { scrape_interval: string } }>(PROMETHEUS_CONFIG);
    const sidecars = servicesRunning(model, 'lookout/sidecar');

    expect(sidecars.length).toBeGreaterThanOrEqual(2);
    for (const [, sidecar] of sidecars) {
      expect(sidecar.environment?.LOOKOUT_SCRAPE_INTERVAL).toBe(prometheus.global.scrape_interval);
    }
  });

  it('gives each sidecar its own queue volume, chowned to the sidecar user before it starts', () => {
    const init = serviceOf(model, 'sidecar-queue-init');
    const chowned = init.volumes ?? [];

    for (const [name, sidecar] of servicesRunning(model, 'lookout/sidecar')) {
      const queueDir = sidecar.environment?.LOOKOUT_QUEUE_DIR;
      const queue = sidecar.volumes?.find((mount) => mount.target === queueDir);
      const initMount = chowned.find((mount) => mount.source === queue?.source);

      expect(queue?.type, `${name} queue`).toBe('volume');
      expect(init.command, `${name} queue chown`).toEqual(
        expect.arrayContaining(['chown', '-R', `${SIDECAR_UID}:${SIDECAR_UID}`, initMount?.target]),
      );
      expect(sidecar.depends_on?.['sidecar-queue-init']?.condition).toBe(
        'service_completed_successfully',
      );
    }
  });

  it('waits for health only on services that report it', async () => {
    const imageHealthchecks = await imagesWithBuiltInHealthcheck();
    const waits = servicesOf(model).flatMap(([name, service]) =>
      Object.entries(service.depends_on ?? {})
        .filter(([, dependency]) => dependency.condition === 'service_healthy')
        .map(([target]) => ({ name, target })),
    );

    expect(waits.length).toBeGreaterThan(0);
    for (const { name, target } of waits) {
      const dependency = serviceOf(model, target);
      const repository = dependency.image?.split(':')[0] ?? '';
      const reported =
        dependency.healthcheck?.test !== undefined || imageHealthchecks.has(repository);
      expect(reported, `${name} waits for ${target} to be healthy`).toBe(true);
    }
  });

  it('mounts only repository files that exist', () => {
    const missing = servicesOf(model).flatMap(([name, service]) =>
      (service.volumes ?? [])
        .filter((mount) => mount.type === 'bind' && mount.source?.startsWith(REPO_ROOT))
        .filter((mount) => !existsSync(mount.source ?? ''))
        .map((mount) => `${name}: ${mount.source}`),
    );

    expect(missing).toEqual([]);
  });
});

// Our own images declare HEALTHCHECK in their Dockerfiles; Compose does not show those.
async function imagesWithBuiltInHealthcheck(): Promise<Set<string>> {
  const dockerfiles = {
    'lookout/sidecar': SIDECAR_DOCKERFILE,
    'lookout/example-service': EXAMPLE_SERVICE_DOCKERFILE,
  };
  const found = new Set<string>();
  for (const [repository, path] of Object.entries(dockerfiles)) {
    const text = existsSync(path) ? await readFile(path, 'utf8') : '';
    if (/^HEALTHCHECK\s+(?!NONE)/m.test(text)) found.add(repository);
  }
  return found;
}
