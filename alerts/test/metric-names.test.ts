import { describe, expect, it } from 'vitest';
import { FAST_PROFILE, PRODUCTION_PROFILE } from '../src/index.ts';
import { EXPORTED_METRICS, KNOWN_LABELS, namesIn, RECORDED } from './support/known-names.ts';
import { isAlertRule, type LocatedRule, renderedRules } from './support/rules.ts';

describe.each([PRODUCTION_PROFILE, FAST_PROFILE])('rule expressions, $name profile', (profile) => {
  const rules = renderedRules(profile);
  const label = (rule: LocatedRule) =>
    isAlertRule(rule) ? `${rule.file} alert ${rule.alert}` : `${rule.file} record ${rule.record}`;
  const cases = rules.map((rule) => [label(rule), rule] as const);

  it.each(cases)('%s parses as PromQL', (_, rule) => {
    expect(namesIn(rule.expr).errors).toEqual([]);
  });

  it.each(cases)('%s reads only metrics exported as constants', (_, rule) => {
    const { metrics } = namesIn(rule.expr);
    // Only constants such as the Watchdog's vector(1) read no metric at all.
    if (!rule.expr.startsWith('vector(')) expect(metrics.length).toBeGreaterThan(0);
    for (const metric of metrics) expect(EXPORTED_METRICS, metric).toContain(metric);
  });

  it.each(cases)('%s matches and groups only on known labels', (_, rule) => {
    for (const name of namesIn(rule.expr).labels) expect(KNOWN_LABELS, name).toContain(name);
  });

  it('records only series named by the recorded-name constants', () => {
    for (const rule of rules) {
      if (!isAlertRule(rule)) expect(RECORDED, rule.record).toContain(rule.record);
    }
  });
});

describe('the name check itself', () => {
  it('notices a metric that is not an exported constant', () => {
    const { metrics } = namesIn('rate(http_requests_total[5m]) > 0');
    expect(metrics).toEqual(['http_requests_total']);
    expect(EXPORTED_METRICS.has('http_requests_total')).toBe(false);
  });

  it('reports a syntax error', () => {
    expect(namesIn('sum(rate(up[5m])').errors).not.toEqual([]);
  });
});
