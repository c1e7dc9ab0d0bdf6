/** The figures a loss test reports: per signal what was sent, delivered and dropped. */
import type { OutageLatency, WindowLatency } from './latency-window.ts';

/** One signal's outcome. */
export interface SignalFigures {
  readonly signal: string;
  /** What the services handed to their sidecars (metrics: samples the sidecars produced). */
  readonly sent: number;
  /** Distinct records (samples) the backend holds. */
  readonly delivered: number;
  /** Counted as lost by the sidecars, or missing at the backend. */
  readonly dropped: number;
  /** Records delivered more than once (counted once in `delivered`). */
  readonly duplicates: number;
}

/** What a report shows. */
export interface LossReport {
  readonly title: string;
  readonly figures: readonly SignalFigures[];
  /** The service's latency before and during the outage, when there was one. */
  readonly latency?: OutageLatency;
  /** Free lines printed under the table. */
  readonly notes?: readonly string[];
}

// The p99 goal during an outage, as a ratio to the p99 before it (reported, not asserted).
const P99_GOAL_RATIO = 1.1;
const WIDTHS = [16, 10, 11, 9, 7];

const row = (cells: readonly (string | number)[]) =>
  cells
    .map((cell, i) => (i === 0 ? String(cell).padEnd(16) : String(cell).padStart(WIDTHS[i] ?? 0)))
    .join('');

const latencyRow = (name: string, w: WindowLatency) =>
  `${name.padEnd(16)}p99 ${w.p99Ms.toFixed(1)} ms, p50 ${w.p50Ms.toFixed(1)} ms ` +
  `over ${w.requests} requests`;

/** A plain-text table, ready to paste into an issue. */
export function formatLossReport(report: LossReport): string {
  const lines = [
    report.title,
    row(['signal', 'sent', 'delivered', 'dropped', 'dupes']),
    ...report.figures.map((f) => row([f.signal, f.sent, f.delivered, f.dropped, f.duplicates])),
  ];
  const { latency } = report;
  if (latency) {
    const ratio = latency.during.p99Ms / latency.before.p99Ms;
    lines.push(
      latencyRow('before outage', latency.before),
      latencyRow('during outage', latency.during),
      latencyRow('outage middle', latency.duringMiddle),
      `p99 during / before: ${ratio.toFixed(2)} (goal: at most ${P99_GOAL_RATIO.toFixed(2)})`,
    );
  }
  return [...lines, ...(report.notes ?? [])].join('\n');
}
