/**
 * Reads Grafana provisioning files the way Grafana does: it expands `$VAR` and `${VAR}` from its
 * environment in every value and turns `$$` into a literal `$`. A query written with a single
 * `$` (`${__span.traceId}`) therefore reaches the datasource as an empty string; reading the
 * files through this expansion makes the tests see what Grafana sees.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** `text` after Grafana's provisioning expansion, with `env` as Grafana's environment. */
export function expandLikeGrafana(
  text: string,
  env: Readonly<Record<string, string>> = {},
): string {
  return text
    .split('$$')
    .map((part) =>
      part.replace(
        /\$\{([^}]*)\}|\$([A-Za-z0-9_]+)/g,
        (_, braced, bare) => env[braced ?? bare] ?? '',
      ),
    )
    .join('$');
}

/** One provisioned datasource; `jsonData` is left loose because each type has its own. */
export interface ProvisionedDatasource {
  readonly name: string;
  readonly type: string;
  readonly uid: string;
  readonly url: string;
  readonly jsonData?: Record<string, unknown>;
}

/** A dashboards provider. */
export interface DashboardProvider {
  readonly name: string;
  readonly type: string;
  readonly options: { readonly path: string };
}

/** The file at `path`, parsed after Grafana's expansion with an empty environment. */
export async function readProvisioning<T>(path: string): Promise<T> {
  return parse(expandLikeGrafana(await readFile(path, 'utf8'))) as T;
}

/** The datasource with `uid`; throws with the known UIDs when it is missing. */
export function datasourceByUid(
  datasources: readonly ProvisionedDatasource[],
  uid: string,
): ProvisionedDatasource {
  const found = datasources.find((datasource) => datasource.uid === uid);
  if (found === undefined) {
    throw new Error(
      `no datasource uid "${uid}" (have: ${datasources.map((d) => d.uid).join(', ')})`,
    );
  }
  return found;
}
