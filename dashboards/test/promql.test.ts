import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { GRAFANA_BUILTINS, SERIES_WITHOUT_ENVIRONMENT, TARGET_LABELS } from '../src/index.ts';
import { generated, queries } from './support/fixtures.ts';
import {
  nodesNamed,
  parse,
  rangeName,
  renderWithSentinels,
  TARGET_SENTINELS,
} from './support/syntax.ts';

const promql = queries.filter((query) => query.datasource === 'prometheus');
const cases = promql.map(
  (query) => [`${query.dashboardUid} / ${query.panelTitle} ${query.refId}`, query] as const,
);
const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

// Ranges inside rate, irate and increase, as the variable names they came from.
function rateRanges(text: string): string[] {
  const { tree } = parse(parser, text);
  const ranges: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.name !== 'FunctionCall') return;
      const name = node.node.getChild('FunctionIdentifier');
      if (!name || !RATE_FUNCTIONS.has(text.slice(name.from, name.to))) return;
      const body = text.slice(node.from, node.to);
      const range = /\[([^\]]+)\]\s*\)$/.exec(body)?.[1];
      ranges.push(range === undefined ? '(none)' : rangeName(range));
    },
  });
  return ranges;
}

describe('PromQL targets', () => {
  it('are checked by a grammar that reports a broken query', () => {
    expect(parse(parser, 'sum(rate(x[$__rate_interval]))').errors).not.toEqual([]);
  });

  it('have their rate ranges read back as the variables they came from', () => {
    expect(rateRanges('sum(rate(a[4242s])) / increase(b{c="d"}[5m]) + irate(e[4343s])')).toEqual([
      '$__rate_interval',
      '5m',
      '$__range',
    ]);
  });

  it('exist on every dashboard', () => {
    for (const { uid } of generated)
      expect(
        promql.some((q) => q.dashboardUid === uid),
        uid,
      ).toBe(true);
  });

  it.each(cases)('%s parses without errors', (_name, query) => {
    const text = renderWithSentinels(query);
    expect(parse(parser, text).errors, text).toEqual([]);
  });

  it.each(cases)('%s uses $__rate_interval in every rate and increase', (_name, query) => {
    for (const range of rateRanges(renderWithSentinels(query))) {
      expect(range, query.query).toBe('$__rate_interval');
    }
  });

  it.each(cases)('%s selects series by environment and by service or sidecar', (_name, query) => {
    const text = renderWithSentinels(query);
    const environment = `${TARGET_LABELS.environment}=~"${TARGET_SENTINELS.environment}"`;
    const owners = [TARGET_SENTINELS.service, TARGET_SENTINELS.sidecar].map(
      (value) => `${TARGET_LABELS.service}=~"${value}"`,
    );
    for (const selector of nodesNamed(parse(parser, text).tree, text, 'VectorSelector')) {
      const name = /^[\w:]+/.exec(selector)?.[0] ?? '';
      if (!SERIES_WITHOUT_ENVIRONMENT.includes(name)) expect(selector).toContain(environment);
      expect(
        owners.some((owner) => selector.includes(owner)),
        selector,
      ).toBe(true);
    }
  });

  it.each(cases)('%s uses only variables its dashboard defines', (_name, query) => {
    const model = generated.find((d) => d.uid === query.dashboardUid)?.model;
    const defined = new Set<string>([
      ...GRAFANA_BUILTINS,
      ...(model?.templating?.list ?? []).map((variable) => variable.name),
    ]);
    for (const name of query.variables) expect(defined, name).toContain(name);
  });
});
