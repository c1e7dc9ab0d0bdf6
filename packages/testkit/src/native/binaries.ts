/**
 * Finds the native programs the runners start, and says which Debian package brings a missing
 * one instead of failing later with a bare ENOENT.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program the testkit runs, and the Debian package that installs it. */
export interface NativeBinary {
  readonly name: string;
  readonly aptPackage: string;
}

export const PROMETHEUS: NativeBinary = { name: 'prometheus', aptPackage: 'prometheus' };
export const PROMTOOL: NativeBinary = { name: 'promtool', aptPackage: 'prometheus' };
export const ALERTMANAGER: NativeBinary = {
  name: 'prometheus-alertmanager',
  aptPackage: 'prometheus-alertmanager',
};
export const REDIS_SERVER: NativeBinary = { name: 'redis-server', aptPackage: 'redis-server' };

// Debian installs daemons in /usr/sbin on some releases, which a non-root PATH may omit.
const EXTRA_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin'];

/** Thrown when a native program is not installed; the message names the package. */
export class MissingBinaryError extends Error {
  override readonly name = 'MissingBinaryError';
}

/**
 * The absolute path of `binary`, or `override` when given. Throws {@link MissingBinaryError}
 * naming the apt package when it is not installed.
 */
export function resolveBinary(binary: NativeBinary, override?: string): string {
  if (override) {
    if (isExecutable(override)) return override;
    throw new MissingBinaryError(
      `${override} (given for ${binary.name}) is not an executable file. ` +
        `Debian's package for ${binary.name}: apt-get install -y ${binary.aptPackage}`,
    );
  }
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, binary.name);
    if (isExecutable(candidate)) return candidate;
  }
  throw new MissingBinaryError(
    `${binary.name} is not installed (searched PATH and ${EXTRA_DIRS.join(', ')}). ` +
      `Install the Debian package: apt-get install -y ${binary.aptPackage}`,
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
