/** Where the dashboards package keeps its committed files. */
import { fileURLToPath } from 'node:url';

/** The `dashboards/` directory. */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Generated dashboard JSON, one `<uid>.json` per dashboard. */
export const GENERATED_DIR = fileURLToPath(new URL('../generated/', import.meta.url));
/** Current version and released fingerprints of every dashboard. */
export const VERSIONS_FILE = fileURLToPath(new URL('../versions.json', import.meta.url));
/** Human-written history of every dashboard version. */
export const CHANGELOG_FILE = fileURLToPath(new URL('../CHANGELOG.md', import.meta.url));
