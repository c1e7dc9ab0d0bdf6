/**
 * What the sidecar's configuration reads from its environment: every `${env:NAME:-default}` in
 * packages/sidecar/config/sidecar.yaml, with its default.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIDECAR_CONFIG = fileURLToPath(
  new URL('../../../packages/sidecar/config/sidecar.yaml', import.meta.url),
);

/** Variable name to default value (undefined where the config gives none). */
export function sidecarSettings(): Map<string, string | undefined> {
  const config = readFileSync(SIDECAR_CONFIG, 'utf8');
  const settings = new Map<string, string | undefined>();
  for (const [, name, fallback] of config.matchAll(/\$\{env:([A-Z][A-Z0-9_]*)(?::-([^}]*))?\}/g)) {
    if (name !== undefined && !settings.has(name)) settings.set(name, fallback);
  }
  return settings;
}

/** The default of a sidecar setting that must have one, as a number (a port). */
export function sidecarPort(name: string): number {
  const fallback = sidecarSettings().get(name);
  if (fallback === undefined) throw new Error(`sidecar.yaml gives ${name} no default`);
  return Number(fallback);
}
