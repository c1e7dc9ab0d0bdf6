import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

/**
 * Datasource UIDs are fixed by the Grafana provisioning in `compose/`, so a dashboard never
 * depends on the name someone gave a datasource. Prometheus is reached through the `datasource`
 * variable (default `prometheus`) so a second Prometheus can be picked without editing JSON.
 */
export const DATASOURCE_UIDS = {
  prometheus: 'prometheus',
  loki: 'loki',
  tempo: 'tempo',
} as const;

/** Kinds of datasource a Lookout panel may query. */
export type DatasourceKind = keyof typeof DATASOURCE_UIDS;

/** Name of the template variable that selects the Prometheus datasource. */
export const DATASOURCE_VARIABLE = 'datasource';

/** The datasource reference each kind of panel uses. */
export const DATASOURCE_REFS: Readonly<Record<DatasourceKind, DataSourceRef>> = {
  prometheus: { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` },
  loki: { type: 'loki', uid: DATASOURCE_UIDS.loki },
  tempo: { type: 'tempo', uid: DATASOURCE_UIDS.tempo },
};

/** Every datasource UID a generated panel may carry. */
export const ALLOWED_DATASOURCE_UIDS: ReadonlySet<string> = new Set(
  Object.values(DATASOURCE_REFS).map((ref) => String(ref.uid)),
);

/** The kind of a datasource reference, or undefined for one Lookout does not use. */
export function datasourceKind(ref: DataSourceRef | undefined): DatasourceKind | undefined {
  const type = ref?.type;
  return type === 'prometheus' || type === 'loki' || type === 'tempo' ? type : undefined;
}
