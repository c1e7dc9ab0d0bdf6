import { parser as logql } from '@grafana/lezer-logql';
import { parser as traceql } from '@grafana/lezer-traceql';
import { describe, expect, it } from 'vitest';
import { queries } from './support/fixtures.ts';
import { parse, renderWithSentinels } from './support/syntax.ts';

function casesOf(kind: 'loki' | 'tempo') {
  return queries
    .filter((query) => query.datasource === kind)
    .map((query) => [`${query.dashboardUid} / ${query.panelTitle} ${query.refId}`, query] as const);
}

describe('LogQL targets', () => {
  it('exist for the error-log and audit-log panels', () => {
    expect(casesOf('loki').map(([name]) => name)).toEqual([
      'lookout-service-overview / Error logs A',
      'lookout-security / Audit log A',
    ]);
  });

  it.each(casesOf('loki'))("%s parses with Grafana's LogQL grammar", (_name, query) => {
    const text = renderWithSentinels(query);
    expect(parse(logql, text).errors, text).toEqual([]);
  });
});

describe('TraceQL targets', () => {
  it('exist for the trace panels of the service overview', () => {
    expect(casesOf('tempo').length).toBeGreaterThan(0);
  });

  it.each(casesOf('tempo'))("%s parses with Grafana's TraceQL grammar", (_name, query) => {
    const text = renderWithSentinels(query);
    expect(parse(traceql, text).errors, text).toEqual([]);
  });
});

describe('the grammars', () => {
  it('report a broken query, so a clean parse means something', () => {
    expect(parse(logql, '{service_name="a" | severity_text=').errors).not.toEqual([]);
    expect(parse(traceql, '{ resource.service.name = "a" && }').errors).not.toEqual([]);
  });
});
