import { describe, expect, it } from 'vitest';
import { listQueries, renderQuery } from '../src/index.ts';
import { generated, panels, queries } from './support/fixtures.ts';

const VALUES = {
  service: 'orders',
  environment: '.*',
  instance: '.*',
  sidecar: '.*',
  sidecar_instance: '.*',
  __rate_interval: '1m',
  __range: '1h',
  __interval: '15s',
};

describe('listQueries', () => {
  it('returns one entry per target of every panel', () => {
    const targets = panels.reduce((sum, [, panel]) => sum + (panel.targets?.length ?? 0), 0);
    expect(queries).toHaveLength(targets);
    expect(listQueries()).toEqual(queries);
  });

  it('says where each query comes from and which datasource runs it', () => {
    const heatmap = queries.find((q) => q.panelTitle === 'Latency distribution');
    expect(heatmap).toMatchObject({
      dashboardUid: 'lookout-service-overview',
      dashboardTitle: 'Lookout / Service overview',
      refId: 'A',
      datasource: 'prometheus',
      instant: false,
    });
    expect(heatmap?.variables).toEqual(['service', 'environment', 'instance', '__rate_interval']);
  });

  it('covers every dashboard', () => {
    const uids = new Set(queries.map((q) => q.dashboardUid));
    expect([...uids]).toEqual(generated.map((d) => d.uid));
  });

  it('names the recorded series a query needs, so a test knows to load the alert rules', () => {
    const budget = queries.find((q) => q.panelTitle === 'Availability error budget left');
    expect(budget?.recordedSeries).toEqual(['slo:error_budget_remaining:ratio']);
    const heatmap = queries.find((q) => q.panelTitle === 'Latency distribution');
    expect(heatmap?.recordedSeries).toEqual([]);
  });
});

describe('renderQuery', () => {
  it('leaves no variable in any query given the target and range values', () => {
    for (const query of queries) expect(renderQuery(query, VALUES)).not.toMatch(/\$|\[\[/);
  });

  it('refuses to leave a variable unsubstituted', () => {
    const [first] = queries;
    if (!first) throw new Error('no queries');
    const { service: _service, ...withoutService } = VALUES;
    expect(() => renderQuery(first, withoutService)).toThrow(/no value for \$service/);
  });
});
