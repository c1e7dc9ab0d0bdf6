/**
 * Grafana's wiring between metrics, traces and logs, read as Grafana reads the provisioning files
 * (after its `$VAR` expansion), so a query that Grafana would blank out fails here first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXEMPLAR_TRACE_ID_LABEL } from '../../packages/sdk/src/metrics/names.ts';
import {
  type DashboardProvider,
  datasourceByUid,
  expandLikeGrafana,
  type ProvisionedDatasource,
  readProvisioning,
} from './support/grafana-provisioning.ts';
import {
  BASE_FILE,
  GRAFANA_DASHBOARD_PROVIDERS,
  GRAFANA_DATASOURCES,
  PROMETHEUS_CONFIG,
} from './support/paths.ts';
import { readYaml } from './support/yaml-file.ts';

// The source file as written (short volume syntax); the rendered model is compose-config's job.
interface BaseComposeFile {
  readonly 'x-scrape-interval': string;
  readonly services: Record<string, { readonly volumes?: string[] } | undefined>;
}

// Grafana's own template placeholders, kept out of JavaScript template literals on purpose.
const SPAN_TRACE_ID = '$' + '{__span.traceId}';
const FIELD_VALUE = '$' + '{__value.raw}';

let datasources: ProvisionedDatasource[];

beforeAll(async () => {
  const file = await readProvisioning<{ datasources: ProvisionedDatasource[] }>(
    GRAFANA_DATASOURCES,
  );
  datasources = file.datasources;
});

// jsonData fields are typed loosely by Grafana; read one nested value by path.
function setting(datasource: ProvisionedDatasource, ...path: (string | number)[]): unknown {
  let value: unknown = datasource.jsonData;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

describe('Grafana provisioning', () => {
  it('keeps the expansion model honest: single $ is blanked, $$ becomes $', () => {
    expect(expandLikeGrafana(`a="${SPAN_TRACE_ID}" b="$${SPAN_TRACE_ID}"`)).toBe(
      `a="" b="${SPAN_TRACE_ID}"`,
    );
  });

  it('provisions the datasources under their fixed UIDs', () => {
    const uids = datasources.map((datasource) => datasource.uid);

    expect(uids).toEqual(expect.arrayContaining(['prometheus', 'tempo', 'loki']));
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('sets Prometheus timeInterval to the scrape interval of the whole stack', async () => {
    const prometheus = await readYaml<{ global: { scrape_interval: string } }>(PROMETHEUS_CONFIG);
    const compose = await readYaml<BaseComposeFile>(BASE_FILE);
    const timeInterval = setting(datasourceByUid(datasources, 'prometheus'), 'timeInterval');

    expect(timeInterval).toBe(prometheus.global.scrape_interval);
    expect(timeInterval).toBe(compose['x-scrape-interval']);
  });

  it('links Prometheus exemplars to Tempo by the SDK exemplar label', () => {
    const destinations = setting(
      datasourceByUid(datasources, 'prometheus'),
      'exemplarTraceIdDestinations',
    );

    expect(destinations).toEqual([
      expect.objectContaining({ name: EXEMPLAR_TRACE_ID_LABEL, datasourceUid: 'tempo' }),
    ]);
  });

  it('finds the logs of a span by Loki structured metadata, not by searching the line', () => {
    const tempo = datasourceByUid(datasources, 'tempo');
    const query = String(setting(tempo, 'tracesToLogsV2', 'query'));

    expect(setting(tempo, 'tracesToLogsV2', 'datasourceUid')).toBe('loki');
    expect(setting(tempo, 'tracesToLogsV2', 'customQuery')).toBe(true);
    expect(query).toMatch(/^\{.*\} \| trace_id="\$\{__span\.traceId\}"$/);
    expect(query).not.toMatch(/\|[=~]/);
    expect(setting(tempo, 'tracesToLogsV2', 'tags')).toContainEqual({
      key: 'service.name',
      value: 'service_name',
    });
  });

  it('wires traces to metrics, the service map and the node graph through Prometheus', () => {
    const tempo = datasourceByUid(datasources, 'tempo');
    const queries = setting(tempo, 'tracesToMetrics', 'queries') as { query: string }[];

    expect(setting(tempo, 'tracesToMetrics', 'datasourceUid')).toBe('prometheus');
    expect(setting(tempo, 'serviceMap', 'datasourceUid')).toBe('prometheus');
    expect(setting(tempo, 'nodeGraph', 'enabled')).toBe(true);
    for (const { query } of queries) {
      expect(query).toContain('{$__tags');
      expect(query).toContain('$__rate_interval');
    }
  });

  it('links Loki records to their trace by the trace_id label, not by a regex on the line', () => {
    const fields = setting(datasourceByUid(datasources, 'loki'), 'derivedFields');

    expect(fields).toEqual([
      expect.objectContaining({
        matcherType: 'label',
        matcherRegex: 'trace_id',
        datasourceUid: 'tempo',
        url: FIELD_VALUE,
      }),
    ]);
  });

  it('loads dashboards from the directory the generated JSON is mounted at', async () => {
    const compose = await readYaml<BaseComposeFile>(BASE_FILE);
    const volumes = compose.services.grafana?.volumes ?? [];
    const mount = /^\.\.\/dashboards\/generated:([^:]+):ro$/.exec(
      volumes.find((volume) => volume.startsWith('../dashboards/generated:')) ?? '',
    )?.[1];
    const file = await readProvisioning<{ providers: DashboardProvider[] }>(
      GRAFANA_DASHBOARD_PROVIDERS,
    );

    expect(mount).toBeDefined();
    expect(file.providers.map((provider) => provider.options.path)).toEqual([mount]);
  });
});
