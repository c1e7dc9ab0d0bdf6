import { describe, expect, it } from 'vitest';
import {
  BURN_RATE_WINDOWS,
  burnFactor,
  PRODUCTION_PROFILE,
  SERVICE_SLOS,
  type ServiceSloDefinition,
  SloDefinitionError,
  sloRuleGroup,
  validateServiceSlos,
} from '../src/index.ts';
import { bucketMatcher } from '../src/slo/sli-expressions.ts';

const VALID: ServiceSloDefinition = {
  service: 'checkout',
  period: '30d',
  matchers: [],
  availability: { objective: 0.999 },
  latency: { objective: 0.99, thresholdSeconds: 0.25 },
};

function problemsOf(definition: ServiceSloDefinition): readonly string[] {
  try {
    validateServiceSlos(definition);
  } catch (error) {
    expect(error).toBeInstanceOf(SloDefinitionError);
    expect((error as SloDefinitionError).code).toBe('LOOKOUT_SLO_INVALID');
    return (error as SloDefinitionError).problems;
  }
  return [];
}

describe('SLO definitions', () => {
  it("derive the SRE workbook's burn factors 14.4, 6, 3 and 1 from a 30-day period", () => {
    expect(BURN_RATE_WINDOWS.map((window) => burnFactor(window, '30d'))).toEqual([14.4, 6, 3, 1]);
  });

  it('accept the shipped orders and inventory definitions', () => {
    expect(SERVICE_SLOS.map((slo) => slo.service)).toEqual(['orders', 'inventory']);
    for (const slo of SERVICE_SLOS) expect(problemsOf(slo)).toEqual([]);
  });

  it('refuse a 90% objective, whose 14.4x page would need a 144% error ratio', () => {
    const problems = problemsOf({ ...VALID, availability: { objective: 0.9 } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('availability objective 0.9 can never fire the 1h/5m 14.4x');
    expect(problems[0]).toContain('144%');
    expect(problems[0]).toContain('above 0.930556');
  });

  it('accept an objective just above 1 - 1/14.4 and refuse one just below it', () => {
    const latency = (objective: number) => ({ ...VALID, latency: { ...VALID.latency, objective } });
    expect(problemsOf(latency(0.9306))).toEqual([]);
    const problems = problemsOf(latency(0.9305));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('latency objective 0.9305 can never fire the 1h/5m');
  });

  it('refuse a period shorter than the longest alert window', () => {
    expect(problemsOf({ ...VALID, period: '1d' })).toEqual([
      'period 1d is shorter than the longest alert window',
    ]);
  });

  it('list every problem at once', () => {
    const problems = problemsOf({
      ...VALID,
      service: 'bad"name',
      availability: { objective: 1 },
      latency: { objective: 0.5, thresholdSeconds: 0 },
    });
    expect(problems).toEqual([
      'service "bad"name" is not a plain job label value',
      'availability objective 1 is not between 0 and 1 (exclusive)',
      expect.stringContaining('latency objective 0.5 can never fire the 1h/5m 14.4x'),
      expect.stringContaining('latency objective 0.5 can never fire the 6h/30m 6x'),
      expect.stringContaining('latency objective 0.5 can never fire the 1d/2h 3x'),
      'latency threshold 0 s is not a positive number of seconds',
    ]);
  });

  it('match a whole-second latency bucket in both Prometheus 2 and 3 spellings', () => {
    expect(bucketMatcher(0.25)).toBe('le="0.25"');
    expect(bucketMatcher(1)).toBe('le=~"1(\\.0)?"');
    const oneSecond = { ...VALID, latency: { objective: 0.99, thresholdSeconds: 1 } };
    const rules = sloRuleGroup(oneSecond, PRODUCTION_PROFILE).rules;
    expect(rules.some((rule) => rule.expr.includes('le=~"1(\\.0)?"'))).toBe(true);
  });

  it('stop the generator before it renders an SLO that could never page', () => {
    const tooLow = { ...VALID, availability: { objective: 0.8 } };
    expect(() => sloRuleGroup(tooLow, PRODUCTION_PROFILE)).toThrow(SloDefinitionError);
    expect(sloRuleGroup(VALID, PRODUCTION_PROFILE).rules.length).toBeGreaterThan(0);
  });
});
