import { createRequire } from 'node:module';
import { LookoutConfigError } from '../config/config-error.ts';

// Resolved from the SDK's own location, where a package manager links the peers it was given.
const requireFromSdk = createRequire(import.meta.url);

/** What needs an optional peer dependency, for the error that names it. */
export interface OptionalPeer {
  /** The package, e.g. `@sentry/node`. */
  readonly name: string;
  /** The version range the SDK is built against, e.g. `^11.12.0`. */
  readonly range: string;
  /** The setting that asked for it, e.g. `SENTRY_DSN`. */
  readonly setting: string;
}

/**
 * Loads an optional peer dependency synchronously (setup is synchronous, so `import()` would come
 * too late). When the package is not installed, setup stops with a `LookoutConfigError` naming
 * the package, its range and the setting that needs it; any other load failure (a broken
 * install, a missing dependency of the peer itself) is rethrown as it is.
 */
export function requireOptionalPeer<T>(peer: OptionalPeer, load = requireFromSdk): T {
  try {
    return load(peer.name) as T;
  } catch (error) {
    if (!isMissing(error, peer.name)) throw error;
    throw new LookoutConfigError([
      {
        source: peer.setting,
        received: `a value, but the optional peer dependency ${peer.name} is not installed`,
        expected: `${peer.name}@${peer.range} installed beside @lookout/sdk (npm install ${peer.name}@${peer.range}), or ${peer.setting} unset`,
      },
    ]);
  }
}

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}'`)
  );
}
