/** Where the tests find the package, the generated files and the runbooks. */
import { join, resolve } from 'node:path';

/** The `alerts/` directory. */
export const ALERTS_DIR = resolve(import.meta.dirname, '../..');
/** The committed production rule files. */
export const GENERATED_DIR = join(ALERTS_DIR, 'generated');
/** The committed promtool unit tests. */
export const UNIT_TESTS_DIR = join(ALERTS_DIR, 'tests');
/** The Alertmanager configuration. */
export const ALERTMANAGER_CONFIG = join(ALERTS_DIR, 'alertmanager', 'alertmanager.yml');
/** One Markdown runbook per alert. */
export const RUNBOOKS_DIR = resolve(ALERTS_DIR, '../docs/runbooks');
