/**
 * The rewrites the dead-panel proof relies on: if they dropped a selector or a vector match, a
 * dead rule could pass as alive.
 */
import { describe, expect, it } from 'vitest';
import {
  conditionsRemoved,
  vectorSelectors,
  withoutZeroFallback,
} from './support/promql-rewrite.ts';

describe('conditionsRemoved', () => {
  it('lets a threshold pass while keeping the thresholded expression', () => {
    expect(conditionsRemoved('up{job="x"} == 0')).toBe('(up{job="x"}) + (0 * (0))');
  });

  it('keeps both sides of an `and` and the vector matching of a comparison', () => {
    const expr = 'a > on (job) group_left () 2 * b\nand\nc > 0.1';
    expect(conditionsRemoved(expr)).toBe(
      '(a) + on (job) group_left () (0 * (2 * b))\nand\n(c) + (0 * (0.1))',
    );
  });

  it('reads absent(x) as x, and leaves `bool` comparisons alone', () => {
    expect(conditionsRemoved('absent(up{job="a"}) or absent(b)')).toBe('(up{job="a"}) or (b)');
    expect(conditionsRemoved('a > bool 1')).toBe('a > bool 1');
  });
});

describe('withoutZeroFallback', () => {
  it('drops `or on() vector(0)` wherever it is nested', () => {
    expect(withoutZeroFallback('((sum(rate(x[1m]))) or on() vector(0)) / sum(y)')).toBe(
      '((sum(rate(x[1m])))) / sum(y)',
    );
  });

  it('keeps a fallback that reads series, which is no constant', () => {
    const expr = 'sum(rate(bad[5m])) or 0 * sum(rate(all[5m]))';
    expect(withoutZeroFallback(expr)).toBe(expr);
  });
});

describe('vectorSelectors', () => {
  it('finds every selector once, inside ranges and offsets too', () => {
    const expr = 'avg_over_time(x{a="1"}[1d] offset 1h) or 0 * x{a="1"} + y';
    expect(vectorSelectors(expr)).toEqual(['x{a="1"}', 'y']);
  });
});
