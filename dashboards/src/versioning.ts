/**
 * Dashboard versions. Each dashboard has a semantic version in `versions.json`, stamped into its
 * tags and description. The file also records a fingerprint of the dashboard's content for each
 * released version, so a change that was not given a new version (and a CHANGELOG entry) is
 * caught by the generator and by the tests.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';

/** What `versions.json` holds for one dashboard. */
export interface VersionRecord {
  /** The current semantic version. */
  readonly version: string;
  /** Content fingerprint of every released version, oldest first. */
  readonly fingerprints: Readonly<Record<string, string>>;
}

/** `versions.json`: dashboard UID to its version record. */
export type VersionFile = Readonly<Record<string, VersionRecord>>;

/** The version a dashboard gets the first time it is generated. */
export const FIRST_VERSION = '1.0.0';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** Compares two `major.minor.patch` versions; throws on anything else. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [SEMVER.exec(a), SEMVER.exec(b)];
  if (!pa || !pb) throw new Error(`not a major.minor.patch version: ${pa ? b : a}`);
  for (let i = 1; i <= 3; i++) {
    const diff = Number(pa[i]) - Number(pb[i]);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The tag that carries a dashboard's version, searchable in Grafana's dashboard list. */
export function versionTag(version: string): string {
  return `v${version}`;
}

/** A copy of `dashboard` with its version in the tags and at the end of the description. */
export function stampVersion(dashboard: Dashboard, version: string): Dashboard {
  return {
    ...dashboard,
    tags: [...(dashboard.tags ?? []), versionTag(version)],
    description: `${dashboard.description ?? ''} Dashboard version ${version}.`.trim(),
  };
}

/**
 * The record to store after generating a dashboard whose content has fingerprint `print`.
 * Throws with what to do when the content changed under an already released version, or when
 * the new version is not newer than every released one, or has no CHANGELOG entry.
 */
export function nextRecord(
  uid: string,
  print: string,
  record: VersionRecord | undefined,
  changelogVersions: ReadonlySet<string>,
): VersionRecord {
  const current = record ?? { version: FIRST_VERSION, fingerprints: {} };
  const released = current.fingerprints[current.version];
  if (released === print) return current;
  if (released !== undefined) {
    throw new Error(
      `${uid} changed since version ${current.version} was released: raise its version in ` +
        'dashboards/versions.json and describe the change in dashboards/CHANGELOG.md',
    );
  }
  for (const previous of Object.keys(current.fingerprints)) {
    if (compareVersions(current.version, previous) <= 0) {
      throw new Error(`${uid}: version ${current.version} must be newer than ${previous}`);
    }
  }
  if (!changelogVersions.has(current.version)) {
    throw new Error(`${uid}: dashboards/CHANGELOG.md has no "### ${current.version}" entry`);
  }
  return {
    version: current.version,
    fingerprints: { ...current.fingerprints, [current.version]: print },
  };
}
