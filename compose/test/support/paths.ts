/** Where the files under test live, resolved from this module so any working directory works. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `compose/` directory: the Compose project directory. */
export const COMPOSE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repository root. */
export const REPO_ROOT = join(COMPOSE_DIR, '..');

/** The base file and the production override, as `docker compose -f` takes them. */
export const BASE_FILE = join(COMPOSE_DIR, 'docker-compose.yml');
export const PROD_FILE = join(COMPOSE_DIR, 'docker-compose.prod.yml');

/** Backend and provisioning files mounted into the stack. */
export const PROMETHEUS_CONFIG = join(COMPOSE_DIR, 'prometheus', 'prometheus.yml');
export const LOKI_CONFIG = join(COMPOSE_DIR, 'loki', 'loki.yaml');
export const TEMPO_CONFIG = join(COMPOSE_DIR, 'tempo', 'tempo.yaml');
export const GRAFANA_DATASOURCES = join(
  COMPOSE_DIR,
  'grafana',
  'provisioning',
  'datasources',
  'datasources.yaml',
);
export const GRAFANA_DASHBOARD_PROVIDERS = join(
  COMPOSE_DIR,
  'grafana',
  'provisioning',
  'dashboards',
  'lookout.yaml',
);

/** Files owned by other parts of the repository that the stack depends on. */
export const ALERTMANAGER_CONFIG = join(REPO_ROOT, 'alerts', 'alertmanager', 'alertmanager.yml');
export const SIDECAR_CONFIG = join(REPO_ROOT, 'packages', 'sidecar', 'config', 'sidecar.yaml');
export const SIDECAR_DOCKERFILE = join(REPO_ROOT, 'packages', 'sidecar', 'Dockerfile');
export const EXAMPLE_SERVICE_DOCKERFILE = join(
  REPO_ROOT,
  'packages',
  'example-service',
  'Dockerfile',
);
export const INSTALL_SCRIPT = join(REPO_ROOT, 'scripts', 'compose', 'install.sh');
