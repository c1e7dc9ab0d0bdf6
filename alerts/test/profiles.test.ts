import { describe, expect, it } from 'vitest';
import { formatSeconds, toSeconds } from '../src/duration.ts';
import { FAST_PROFILE, fastProfile, PRODUCTION_PROFILE, renderRuleFiles } from '../src/index.ts';
import { hold, range } from '../src/profile.ts';
import { isAlertRule, renderedRules } from './support/rules.ts';

describe('durations', () => {
  it('round-trip between Prometheus text and seconds', () => {
    expect(toSeconds('3d')).toBe(259_200);
    expect(formatSeconds(4_320)).toBe('1h12m');
    expect(formatSeconds(150)).toBe('2m30s');
    expect(() => toSeconds('1h30m' as '1h')).toThrow(/not a duration/);
  });
});

describe('render profiles', () => {
  it('leave production durations as written', () => {
    expect(range(PRODUCTION_PROFILE, '1h')).toBe('1h');
    expect(hold(PRODUCTION_PROFILE, '15m')).toBe('15m');
  });

  it('divide every window and hold time by 60 in the fast profile', () => {
    expect(range(FAST_PROFILE, '1h')).toBe('1m');
    expect(range(FAST_PROFILE, '3d')).toBe('1h12m');
    expect(hold(FAST_PROFILE, '5m')).toBe('5s');
    expect(FAST_PROFILE.evaluationIntervalSeconds).toBe(1);
  });

  it('never give a rate() fewer than four scrapes', () => {
    const coarse = fastProfile({ timeScale: 600, scrapeIntervalSeconds: 2 });
    expect(range(coarse, '5m')).toBe('8s');
    expect(hold(coarse, '5m')).toBe('1s');
  });

  it('render the same rules, names and labels, with the windows scaled', () => {
    const production = renderedRules(PRODUCTION_PROFILE);
    const fast = renderedRules(FAST_PROFILE);
    const names = (rules: typeof production) =>
      rules.map((rule) => (isAlertRule(rule) ? rule.alert : rule.record));
    expect(names(fast)).toEqual(names(production));

    const pageRule = (rules: typeof production) =>
      rules.find((r) => isAlertRule(r) && r.labels.long_window !== undefined);
    expect(pageRule(production)?.expr).toContain('slo:error_ratio:rate1h{job="orders"');
    expect(pageRule(fast)?.expr).toContain('slo:error_ratio:rate1h{job="orders"');
    expect(
      fast.find((r) => !isAlertRule(r) && r.record === 'slo:error_ratio:rate1h')?.expr,
    ).toContain('[1m])');
  });

  it('label each fast file with its profile and evaluate its groups every scrape', () => {
    for (const file of renderRuleFiles({ profile: FAST_PROFILE })) {
      expect(file.content).toContain('# Profile: fast (durations / 60, scrape 1s).');
      expect(file.content).toContain('interval: 1s');
    }
  });

  it('refuse a time scale below 1', () => {
    expect(() => fastProfile({ timeScale: 0.5 })).toThrow(RangeError);
  });
});
