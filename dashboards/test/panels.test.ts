import * as units from '@grafana/grafana-foundation-sdk/units';
import { describe, expect, it } from 'vitest';
import { ALLOWED_DATASOURCE_UIDS, panelsOf } from '../src/index.ts';
import { generated, panels } from './support/fixtures.ts';

const GRAFANA_UNITS = new Set<string>(Object.values(units).filter((u) => typeof u === 'string'));

interface TargetLike {
  refId?: string;
  datasource?: { uid?: string; type?: string };
}

describe('every panel', () => {
  it.each(panels.map(([uid, panel]) => [`${uid} / ${panel.title}`, panel] as const))(
    '%s has a Grafana unit, a description, one allowed datasource and targets',
    (_name, panel) => {
      expect(GRAFANA_UNITS.has(panel.fieldConfig?.defaults?.unit ?? '')).toBe(true);
      expect(panel.description?.trim().length ?? 0).toBeGreaterThan(20);
      expect(ALLOWED_DATASOURCE_UIDS.has(String(panel.datasource?.uid))).toBe(true);

      const targets = (panel.targets ?? []) as TargetLike[];
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) expect(target.datasource).toEqual(panel.datasource);
      const refIds = targets.map((target) => target.refId);
      expect(new Set(refIds).size).toBe(targets.length);
    },
  );
});

describe('every dashboard', () => {
  it.each(generated.map((d) => [d.uid, d.model] as const))(
    '%s numbers its panels uniquely',
    (_uid, model) => {
      const ids = (model.panels ?? []).map((panel) => panel.id);
      expect(ids).toEqual(ids.map((_id, index) => index + 1));
    },
  );

  it.each(generated.map((d) => [d.uid, d.model] as const))(
    '%s fits every panel in the 24-column grid',
    (_uid, model) => {
      for (const panel of panelsOf(model)) {
        const { x = 0, w = 0 } = panel.gridPos ?? {};
        expect(x + w, panel.title).toBeLessThanOrEqual(24);
      }
    },
  );

  it.each(generated.map((d) => [d.uid, d.model] as const))(
    '%s offers the datasource, environment, service and instance variables',
    (_uid, model) => {
      const names = (model.templating?.list ?? []).map((variable) => variable.name);
      expect(names.slice(0, 4)).toEqual(['datasource', 'environment', 'service', 'instance']);
    },
  );
});
