/**
 * Turns the dashboard definitions into the committed JSON. `generateDashboards` is pure (it
 * uses the versions already recorded) and serves the tests; `releaseDashboards` is what the
 * generate script runs: it also checks and records versions.
 */
import { readFileSync } from 'node:fs';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { type ChangelogIndex, parseChangelog } from './changelog.ts';
import { CHANGELOG_FILE, VERSIONS_FILE } from './paths.ts';
import { DASHBOARDS, type DashboardDefinition } from './registry.ts';
import { fingerprint, stableJson } from './serialize.ts';
import {
  FIRST_VERSION,
  nextRecord,
  stampVersion,
  type VersionFile,
  type VersionRecord,
} from './versioning.ts';

/** One dashboard ready to write. */
export interface GeneratedDashboard {
  readonly uid: string;
  readonly version: string;
  /** Fingerprint of the content without the version stamp. */
  readonly fingerprint: string;
  /** The model with its version stamped in. */
  readonly model: Dashboard;
  /** What `generated/<uid>.json` must contain. */
  readonly json: string;
}

/** Reads `versions.json`. */
export function readVersions(file = VERSIONS_FILE): VersionFile {
  return JSON.parse(readFileSync(file, 'utf8')) as VersionFile;
}

/** Reads and indexes `CHANGELOG.md`. */
export function readChangelog(file = CHANGELOG_FILE): ChangelogIndex {
  return parseChangelog(readFileSync(file, 'utf8'));
}

function render(definition: DashboardDefinition, version: string): GeneratedDashboard {
  const unversioned = definition.build();
  const model = stampVersion(unversioned, version);
  return {
    uid: definition.uid,
    version,
    fingerprint: fingerprint(unversioned),
    model,
    json: stableJson(model),
  };
}

/** Every dashboard at its recorded version (the first version if it has none yet). */
export function generateDashboards(versions: VersionFile = readVersions()): GeneratedDashboard[] {
  return DASHBOARDS.map((definition) =>
    render(definition, versions[definition.uid]?.version ?? FIRST_VERSION),
  );
}

/** Dashboards and the version file to write, after checking every change was versioned. */
export interface Release {
  readonly dashboards: readonly GeneratedDashboard[];
  readonly versions: Readonly<Record<string, VersionRecord>>;
}

/** Generates every dashboard; throws when one changed without a new version and changelog entry. */
export function releaseDashboards(versions: VersionFile, changelog: ChangelogIndex): Release {
  const next: Record<string, VersionRecord> = {};
  const dashboards = DASHBOARDS.map((definition) => {
    const print = fingerprint(definition.build());
    const logged = new Set(changelog.get(definition.uid) ?? []);
    const record = nextRecord(definition.uid, print, versions[definition.uid], logged);
    next[definition.uid] = record;
    return render(definition, record.version);
  });
  return { dashboards, versions: next };
}
