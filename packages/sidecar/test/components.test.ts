import { readFile } from 'node:fs/promises';
import { spawnProcess } from '@lookout/testkit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requireSidecarBinary, SIDECAR_MANIFEST } from '../src/testing/index.ts';

interface ManifestModule {
  gomod: string;
}
type Manifest = Record<string, ManifestModule[] | unknown>;
interface ListedComponent {
  name?: string;
  scheme?: string;
  module: string;
}
type ComponentList = Record<string, ListedComponent[] | unknown>;

const KINDS = ['receivers', 'processors', 'exporters', 'extensions', 'providers'] as const;

async function listComponents(): Promise<ComponentList> {
  await using process = await spawnProcess({
    command: requireSidecarBinary(),
    args: ['components'],
  });
  const exit = await process.exited;
  expect(exit.code, process.stderr.join('\n')).toBe(0);
  return parse(process.stdout.join('\n')) as ComponentList;
}

function modulesOf(list: unknown): string[] {
  return ((list as { gomod?: string; module?: string }[] | null) ?? [])
    .map((entry) => entry.gomod ?? entry.module ?? '')
    .sort();
}

describe('sidecar binary', () => {
  it('contains exactly the components of the builder manifest, at the pinned versions', async () => {
    const manifest = parse(await readFile(SIDECAR_MANIFEST, 'utf8')) as Manifest;
    const listed = await listComponents();

    for (const kind of KINDS) {
      expect(modulesOf(listed[kind]), kind).toEqual(modulesOf(manifest[kind]));
    }
    expect(listed.connectors ?? []).toEqual([]);
  });

  it('names its components the way config/sidecar.yaml refers to them', async () => {
    const listed = await listComponents();
    const names = (kind: string) => (listed[kind] as ListedComponent[]).map((c) => c.name).sort();

    expect(names('receivers')).toEqual(['otlp', 'prometheus']);
    expect(names('processors')).toEqual([
      'memory_limiter',
      'redaction',
      'resource',
      'resource_detection',
    ]);
    expect(names('exporters')).toEqual(['debug', 'otlp_http', 'prometheus_remote_write']);
    expect(names('extensions')).toEqual(['file_storage', 'health_check']);
  });
});
