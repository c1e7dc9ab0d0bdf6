/**
 * The parts of Compose's canonical model (`docker compose config` output) that the tests read.
 * Only fields the tests use are typed; the canonical form always uses the long syntax for ports,
 * volumes, secrets and depends_on, which is what makes these shapes reliable.
 */

/** A volume or bind mount in long syntax. */
export interface ComposeMount {
  readonly type: 'bind' | 'volume' | 'tmpfs' | string;
  readonly source?: string;
  readonly target: string;
  readonly read_only?: boolean;
}

/** A published port in long syntax. */
export interface ComposePort {
  readonly target: number;
  readonly published?: string;
  readonly host_ip?: string;
}

/** One service, as the canonical model spells it. */
export interface ComposeService {
  readonly image?: string;
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string | null>>;
  readonly volumes?: readonly ComposeMount[];
  readonly ports?: readonly ComposePort[];
  readonly healthcheck?: { readonly test?: readonly string[]; readonly disable?: boolean };
  readonly depends_on?: Readonly<Record<string, { readonly condition: string }>>;
  readonly restart?: string;
  readonly logging?: { readonly driver?: string; readonly options?: Record<string, string> };
  readonly deploy?: {
    readonly resources?: { readonly limits?: { readonly cpus?: number; readonly memory?: string } };
  };
  readonly secrets?: readonly { readonly source: string; readonly target: string }[];
}

/** The whole rendered project. */
export interface ComposeModel {
  readonly name: string;
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly volumes?: Readonly<Record<string, { readonly name?: string }>>;
  readonly secrets?: Readonly<Record<string, { readonly file?: string }>>;
}

/** The services as `[name, service]` pairs, for table-driven assertions. */
export function servicesOf(model: ComposeModel): [string, ComposeService][] {
  return Object.entries(model.services);
}

/** The named service; throws with the known names when it is missing. */
export function serviceOf(model: ComposeModel, name: string): ComposeService {
  const service = model.services[name];
  if (service === undefined) {
    throw new Error(`no service "${name}" (have: ${Object.keys(model.services).join(', ')})`);
  }
  return service;
}

/** Services that run the given image repository (any tag), e.g. `lookout/sidecar`. */
export function servicesRunning(
  model: ComposeModel,
  repository: string,
): [string, ComposeService][] {
  return servicesOf(model).filter(([, service]) => service.image?.startsWith(`${repository}:`));
}
