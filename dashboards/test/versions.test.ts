import { describe, expect, it } from 'vitest';
import { readChangelog, readVersions } from '../src/generate.ts';
import { compareVersions, nextRecord, versionTag } from '../src/versioning.ts';
import { generated } from './support/fixtures.ts';

// Released UIDs, spelled out here on purpose: renaming one in the source must fail a test,
// because bookmarks, alert links and provisioned copies point at it.
const RELEASED_UIDS = [
  'lookout-service-overview',
  'lookout-nodejs-runtime',
  'lookout-slo',
  'lookout-pipeline',
  'lookout-security',
];

const versions = readVersions();
const changelog = readChangelog();

describe('dashboard versions', () => {
  it('keeps every released UID', () => {
    expect(generated.map((d) => d.uid)).toEqual(RELEASED_UIDS);
    expect(Object.keys(versions).sort()).toEqual([...RELEASED_UIDS].sort());
  });

  it.each(generated.map((d) => [d.uid, d] as const))(
    'has released the current content of %s under its current version',
    (uid, dashboard) => {
      const record = versions[uid];
      expect(
        record?.fingerprints[dashboard.version],
        'raise the version and add a CHANGELOG entry',
      ).toBe(dashboard.fingerprint);
    },
  );

  it('lists every released version of every dashboard in the changelog, newest first', () => {
    for (const [uid, record] of Object.entries(versions)) {
      const released = Object.keys(record.fingerprints).sort(compareVersions).reverse();
      expect(changelog.get(uid), uid).toEqual(released);
      expect(released[0], uid).toBe(record.version);
    }
  });

  it('has no changelog section for a dashboard that no longer exists', () => {
    expect([...changelog.keys()].sort()).toEqual([...RELEASED_UIDS].sort());
  });

  it('stamps the version into the tags and the description', () => {
    for (const { model, version } of generated) {
      expect(model.tags).toContain(versionTag(version));
      expect(model.description).toContain(`version ${version}`);
    }
  });
});

describe('releasing a version', () => {
  const released = { version: '1.0.0', fingerprints: { '1.0.0': 'aaa' } };

  it('keeps the record when the content did not change', () => {
    expect(nextRecord('d', 'aaa', released, new Set(['1.0.0']))).toBe(released);
  });

  it('refuses changed content under an already released version', () => {
    expect(() => nextRecord('d', 'bbb', released, new Set(['1.0.0']))).toThrow(/raise its version/);
  });

  it('records a raised version that has a changelog entry', () => {
    const raised = { ...released, version: '1.1.0' };
    expect(nextRecord('d', 'bbb', raised, new Set(['1.1.0', '1.0.0']))).toEqual({
      version: '1.1.0',
      fingerprints: { '1.0.0': 'aaa', '1.1.0': 'bbb' },
    });
  });

  it('refuses a raised version without a changelog entry', () => {
    const raised = { ...released, version: '1.0.1' };
    expect(() => nextRecord('d', 'bbb', raised, new Set(['1.0.0']))).toThrow(/CHANGELOG/);
  });

  it('refuses a version older than one already released', () => {
    const lowered = { version: '0.9.0', fingerprints: { '1.0.0': 'aaa' } };
    expect(() => nextRecord('d', 'bbb', lowered, new Set(['0.9.0']))).toThrow(/newer than 1.0.0/);
  });

  it('starts a new dashboard at 1.0.0', () => {
    expect(nextRecord('d', 'ccc', undefined, new Set(['1.0.0']))).toEqual({
      version: '1.0.0',
      fingerprints: { '1.0.0': 'ccc' },
    });
  });
});
