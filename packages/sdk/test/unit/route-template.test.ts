import { describe, expect, it } from 'vitest';
import { normaliseWildcards, routeTemplate } from '../../src/metrics/route-template.ts';

describe('routeTemplate', () => {
  it('gives every unmatched request the same value', () => {
    expect(routeTemplate({ baseUrl: '' })).toBe('unmatched');
  });

  it('masks value-like segments when the router tree cannot be walked', () => {
    expect(routeTemplate({ baseUrl: '/users/42/orders', route: { path: '/:orderId' } })).toBe(
      '/users/:param/orders/:orderId',
    );
  });
});

describe('normaliseWildcards', () => {
  it('spells Express 4 and Express 5 wildcards the same way', () => {
    expect(normaliseWildcards('/files/*splat')).toBe('/files/*');
    expect(normaliseWildcards('/files{/*rest}')).toBe('/files/*');
    expect(normaliseWildcards('/files/*')).toBe('/files/*');
  });
});
