/** Where the built sidecar binary and its config files live in the repository. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** The binary build.sh produces. */
export const SIDECAR_BINARY = `${packageDir}_build/otelcol-lookout`;
/** The image's health probe, built by build.sh beside the binary. */
export const SIDECAR_HEALTHCHECK = `${packageDir}_build/healthcheck`;
/** The production config. */
export const SIDECAR_CONFIG = `${packageDir}config/sidecar.yaml`;
/** The overlay that adds the debug exporter to every pipeline. */
export const SIDECAR_DEBUG_OVERLAY = `${packageDir}config/debug.yaml`;
/** The builder manifest. */
export const SIDECAR_MANIFEST = `${packageDir}builder-config.yaml`;

/** Thrown when the binary has not been built; the message says how to build it. */
export class SidecarNotBuiltError extends Error {
  readonly code = 'LOOKOUT_SIDECAR_NOT_BUILT';

  constructor(path: string) {
    super(
      `the sidecar binary is missing at ${path}. Build it with packages/sidecar/build.sh ` +
        '(needs Go and the Go module proxy; about 10 minutes the first time, seconds after).',
    );
    this.name = 'SidecarNotBuiltError';
  }
}

/** Returns `path` when the binary exists there, or throws {@link SidecarNotBuiltError}. */
export function requireSidecarBinary(path: string = SIDECAR_BINARY): string {
  if (!existsSync(path)) throw new SidecarNotBuiltError(path);
  return path;
}
