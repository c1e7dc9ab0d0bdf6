import { describe, expect, it } from 'vitest';
import { ProblemReporter } from '../../src/internal/problem-reporter.ts';

function reporterWithSink() {
  const lines: Record<string, unknown>[] = [];
  const counted: string[] = [];
  const reporter = new ProblemReporter({
    sink: { write: (record) => lines.push(record) },
    onProblem: (kind) => counted.push(kind),
    summaryIntervalMs: 60_000,
  });
  return { reporter, lines, counted };
}

describe('ProblemReporter', () => {
  it('writes the first occurrence, counts repeats and summarises them', () => {
    const { reporter, lines, counted } = reporterWithSink();
    for (let i = 0; i < 5; i++)
      reporter.report('otel.export', 'export failed', new Error('ECONNREFUSED'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ problem: 'otel.export', error: 'ECONNREFUSED' });
    expect(counted).toHaveLength(5);

    reporter.flushSummary();
    expect(lines[1]).toMatchObject({ problem: 'otel.export', repeats: 4 });
    reporter.flushSummary();
    expect(lines).toHaveLength(2);
    reporter.close();
  });

  it('never throws, even when its sink does', () => {
    const reporter = new ProblemReporter({
      sink: {
        write() {
          throw new Error('disk full');
        },
      },
    });
    expect(() => reporter.report('x', 'y')).not.toThrow();
    reporter.close();
  });
});
