import { describe, expect, it } from 'vitest';
import { substituteVariables, variablesIn } from '../src/index.ts';

describe('variablesIn', () => {
  it('finds each variable once in all three Grafana spellings', () => {
    const text =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's `${name}`, not a JS template.
      'rate(x{job=~"$service", a="${instance:regex}", b="[[environment]]"}[$__rate_interval]) / $service';
    expect(variablesIn(text)).toEqual(['service', 'instance', 'environment', '__rate_interval']);
  });

  it('reads a longer name whole instead of a shorter one inside it', () => {
    expect(variablesIn('[$__range_s] [$__range]')).toEqual(['__range_s', '__range']);
  });
});

describe('substituteVariables', () => {
  it('replaces every spelling with its value', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's `${name}`, not a JS template.
    const text = 'x{job=~"$service", i=~"${instance}", e=~"[[environment]]"}[$__rate_interval]';
    const values = {
      service: 'orders',
      instance: '.*',
      environment: 'prod',
      __rate_interval: '1m',
    };
    expect(substituteVariables(text, values)).toBe('x{job=~"orders", i=~".*", e=~"prod"}[1m]');
  });

  it('names every variable it has no value for', () => {
    expect(() => substituteVariables('x{a="$service", b="$instance"}', {})).toThrow(
      /no value for \$service, \$instance/,
    );
  });

  it('leaves text without variables unchanged', () => {
    expect(substituteVariables('up{job="a"}', {})).toBe('up{job="a"}');
  });
});
