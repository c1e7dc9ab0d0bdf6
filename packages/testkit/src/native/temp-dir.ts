/** Private temporary directories for the native runners' config and data. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh directory under the OS temp dir, named `lookout-<purpose>-XXXXXX`. */
export function makeTempDir(purpose: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `lookout-${purpose}-`));
}

/** Removes a directory made by {@link makeTempDir}, with everything in it. */
export function removeTempDir(path: string): Promise<void> {
  return rm(path, { recursive: true, force: true });
}
