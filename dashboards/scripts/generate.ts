/**
 * Writes `generated/<uid>.json` for every dashboard and records versions in `versions.json`.
 *
 *   node scripts/generate.ts          write what changed
 *   node scripts/generate.ts --check  write nothing; exit 1 if anything would change
 *
 * Fails, writing nothing, when a dashboard changed without a new version in versions.json and
 * a matching CHANGELOG.md entry, or when a committed dashboard has no definition any more.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChangelog, readVersions, releaseDashboards } from '../src/generate.ts';
import { GENERATED_DIR, VERSIONS_FILE } from '../src/paths.ts';
import { stableJson } from '../src/serialize.ts';

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

// A generated file without a definition means a UID disappeared, which must never happen.
function orphans(uids: ReadonlySet<string>): string[] {
  if (!existsSync(GENERATED_DIR)) return [];
  return readdirSync(GENERATED_DIR)
    .filter((name) => name.endsWith('.json'))
    .filter((name) => !uids.has(name.slice(0, -'.json'.length)));
}

function main(check: boolean): number {
  const release = releaseDashboards(readVersions(), readChangelog());
  const lost = orphans(new Set(release.dashboards.map((dashboard) => dashboard.uid)));
  if (lost.length > 0) throw new Error(`dashboards without a definition: ${lost.join(', ')}`);

  const files = new Map(
    release.dashboards.map((d) => [join(GENERATED_DIR, `${d.uid}.json`), d.json]),
  );
  files.set(VERSIONS_FILE, stableJson(release.versions));
  const stale = [...files].filter(([file, text]) => readIfExists(file) !== text);
  if (check) {
    for (const [file] of stale) console.error(`out of date: ${file}`);
    return stale.length === 0 ? 0 : 1;
  }

  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const [file, text] of stale) {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.includes('--check'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
