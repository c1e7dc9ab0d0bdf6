/**
 * Node.js runtime: what the process itself is doing. Event-loop delay and utilisation, heap
 * against its limit, garbage collection, CPU, memory outside the heap, handles and restarts.
 * The metric names are prom-client's, so this dashboard and the community ones read the same
 * series.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { buildDashboard } from '../frame.ts';
import { RUNTIME_LABELS, TARGET_LABELS } from '../labels.ts';
import { histogramSeries, RUNTIME_METRICS as M } from '../metric-names.ts';
import { warnAt } from '../panel-common.ts';
import { statPanel, timeSeriesPanel } from '../panels.ts';
import { quantile, rate, serviceSeries as s, sumBy } from '../promql.ts';
import { prom } from '../targets.ts';
import { standardVariables } from '../variables.ts';

/** Never changes: links and alert annotations point at it. */
export const NODEJS_RUNTIME_UID = 'lookout-nodejs-runtime';

const INSTANCE = TARGET_LABELS.instance;
const PER_INSTANCE = `{{${INSTANCE}}}`;
const KIND = RUNTIME_LABELS.gcKind;
const GC = histogramSeries(M.gcDuration);

// `max by (instance)`: one series per instance whatever other labels the target carries.
function perInstance(expr: string): string {
  return `max by (${INSTANCE}) (${expr})`;
}

function overview() {
  const version = RUNTIME_LABELS.nodeVersion;
  return [
    statPanel({
      title: 'Node.js version',
      description: 'Node.js versions running; more than one during a rollout is expected.',
      unit: units.NoUnit,
      width: 4,
      showName: true,
      targets: [
        prom(`count by (${version}) (${s(M.versionInfo)})`, `{{${version}}}`, { instant: true }),
      ],
    }),
    statPanel({
      title: 'Uptime',
      description: 'Time since the most recently started instance started.',
      unit: units.DurationSeconds,
      width: 4,
      targets: [prom(`min(time() - ${s(M.startTime)})`, 'uptime')],
    }),
    statPanel({
      title: 'Restarts in range',
      description:
        'Process restarts over the dashboard time range (changes of the start time). Any ' +
        'restart you did not deploy deserves a look at the logs before it.',
      unit: units.Short,
      width: 4,
      thresholds: warnAt(1, 3),
      targets: [prom(`sum(changes(${s(M.startTime)}[$__range]))`, 'restarts', { instant: true })],
    }),
    statPanel({
      title: 'CPU',
      description: 'CPU time used per second by all selected instances; 100% is one core.',
      unit: units.PercentUnit,
      width: 4,
      targets: [prom(sumBy([], rate(s(M.cpuSeconds))), 'cpu')],
    }),
    statPanel({
      title: 'Heap used of limit',
      description: "The fullest instance: heap used against V8's heap size limit.",
      unit: units.PercentUnit,
      width: 4,
      thresholds: warnAt(0.8, 0.9),
      targets: [prom(`max(${s(M.heapUsed)} / ${s(M.heapSizeLimit)})`, 'heap')],
    }),
    statPanel({
      title: 'Event-loop delay p99',
      description:
        "The worst instance's p99 event-loop delay; every request waits at least this long.",
      unit: units.Seconds,
      width: 4,
      thresholds: warnAt(0.1, 0.5),
      targets: [prom(`max(${s(M.eventLoopLagP99)})`, 'p99')],
    }),
  ];
}

function eventLoop() {
  return [
    timeSeriesPanel({
      title: 'Event-loop delay',
      description:
        'How late timers fire, per instance: p50, p90, p99 and max from perf_hooks, and the ' +
        'mean lag prom-client samples. A synchronous task (JSON of a huge body, a regex, a sync ' +
        'crypto call) shows as a spike in max and p99.',
      unit: units.Seconds,
      thresholds: warnAt(0.1, 0.5),
      targets: [
        prom(perInstance(s(M.eventLoopLagP50)), `p50 ${PER_INSTANCE}`),
        prom(perInstance(s(M.eventLoopLagP90)), `p90 ${PER_INSTANCE}`),
        prom(perInstance(s(M.eventLoopLagP99)), `p99 ${PER_INSTANCE}`),
        prom(perInstance(s(M.eventLoopLagMax)), `max ${PER_INSTANCE}`),
        prom(perInstance(s(M.eventLoopLag)), `sampled ${PER_INSTANCE}`),
      ],
    }),
    timeSeriesPanel({
      title: 'Event-loop utilisation',
      description:
        'Share of time the event loop was busy, per instance. Near 100% the process cannot take ' +
        'more work: scale out or find the hot path.',
      unit: units.PercentUnit,
      min: 0,
      max: 1,
      thresholds: warnAt(0.7, 0.9),
      targets: [prom(perInstance(s(M.eventLoopUtilization)), PER_INSTANCE)],
    }),
  ];
}

function memory() {
  return [
    timeSeriesPanel({
      title: 'Heap used, total and limit',
      description:
        'V8 heap per instance: used, allocated (total) and the limit. Used climbing towards the ' +
        'limit across GCs is a leak; the process dies at the limit.',
      unit: units.BytesIEC,
      targets: [
        prom(perInstance(s(M.heapUsed)), `used ${PER_INSTANCE}`),
        prom(perInstance(s(M.heapTotal)), `total ${PER_INSTANCE}`),
        prom(perInstance(s(M.heapSizeLimit)), `limit ${PER_INSTANCE}`),
      ],
    }),
    timeSeriesPanel({
      title: 'Heap used by space',
      description:
        'Heap used per V8 space, all selected instances stacked. Old space holds what survives GC.',
      unit: units.BytesIEC,
      stacked: true,
      targets: [
        prom(
          sumBy([RUNTIME_LABELS.heapSpace], s(M.heapSpaceUsed)),
          `{{${RUNTIME_LABELS.heapSpace}}}`,
        ),
      ],
    }),
    timeSeriesPanel({
      title: 'Heap space size and headroom',
      description:
        'Per V8 space, what is allocated (size) and what is still free inside it (available), all ' +
        'selected instances summed. Old space with little headroom left means GC runs more often.',
      unit: units.BytesIEC,
      targets: [
        prom(
          sumBy([RUNTIME_LABELS.heapSpace], s(M.heapSpaceTotal)),
          `size {{${RUNTIME_LABELS.heapSpace}}}`,
        ),
        prom(
          sumBy([RUNTIME_LABELS.heapSpace], s(M.heapSpaceAvailable)),
          `available {{${RUNTIME_LABELS.heapSpace}}}`,
        ),
      ],
    }),
    timeSeriesPanel({
      title: 'Resident and external memory',
      description:
        'Resident set size (what the OS counts against a container limit) and memory held ' +
        'outside the V8 heap (Buffers, native addons), per instance.',
      unit: units.BytesIEC,
      targets: [
        prom(perInstance(s(M.residentMemory)), `rss ${PER_INSTANCE}`),
        prom(perInstance(s(M.externalMemory)), `external ${PER_INSTANCE}`),
      ],
    }),
    timeSeriesPanel({
      title: 'File descriptors in use',
      description: 'Open file descriptors against the process limit, per instance (Linux only).',
      unit: units.PercentUnit,
      min: 0,
      thresholds: warnAt(0.8, 0.9),
      targets: [prom(perInstance(`${s(M.openFds)} / ${s(M.maxFds)}`), PER_INSTANCE)],
    }),
  ];
}

function garbageCollection() {
  return [
    timeSeriesPanel({
      title: 'Time in GC by kind',
      description:
        'Share of wall-clock time spent collecting garbage, by GC kind, worst instance. Major ' +
        'GCs taking a growing share usually come with a heap near its limit.',
      unit: units.PercentUnit,
      width: 8,
      targets: [prom(`max by (${KIND}) (${rate(s(GC.sum))})`, `{{${KIND}}}`)],
    }),
    timeSeriesPanel({
      title: 'GC runs by kind',
      description: 'Garbage collections per second by kind, all selected instances.',
      unit: units.OpsPerSecond,
      width: 8,
      targets: [prom(sumBy([KIND], rate(s(GC.count))), `{{${KIND}}}`)],
    }),
    timeSeriesPanel({
      title: 'GC pause p99 by kind',
      description: "99th percentile of a single collection's duration, by kind.",
      unit: units.Seconds,
      width: 8,
      targets: [prom(quantile(0.99, rate(s(GC.bucket)), [KIND]), `{{${KIND}}}`)],
    }),
  ];
}

function cpuAndHandles() {
  return [
    timeSeriesPanel({
      title: 'CPU by instance',
      description: 'User and system CPU time per second, per instance; 100% is one core.',
      unit: units.PercentUnit,
      width: 8,
      targets: [
        prom(perInstance(rate(s(M.cpuUserSeconds))), `user ${PER_INSTANCE}`),
        prom(perInstance(rate(s(M.cpuSystemSeconds))), `system ${PER_INSTANCE}`),
      ],
    }),
    timeSeriesPanel({
      title: 'Active handles, requests and resources',
      description:
        'Libuv handles (sockets, timers), pending requests and all active resources, per ' +
        'instance. Steady growth under steady traffic is a leak of sockets or timers.',
      unit: units.Short,
      width: 8,
      targets: [
        prom(perInstance(s(M.activeHandles)), `handles ${PER_INSTANCE}`),
        prom(perInstance(s(M.activeRequests)), `requests ${PER_INSTANCE}`),
        prom(perInstance(s(M.activeResources)), `resources ${PER_INSTANCE}`),
      ],
    }),
    timeSeriesPanel({
      title: 'Uptime by instance',
      description: 'Time since each instance started; a drop to zero is a restart.',
      unit: units.DurationSeconds,
      width: 8,
      targets: [prom(perInstance(`time() - ${s(M.startTime)}`), PER_INSTANCE)],
    }),
  ];
}

/** Builds the Node.js runtime dashboard (without its version). */
export function nodejsRuntime(): Dashboard {
  return buildDashboard({
    uid: NODEJS_RUNTIME_UID,
    title: 'Lookout / Node.js runtime',
    description:
      'Event loop, heap, garbage collection, CPU, memory, handles and restarts of one service, ' +
      "from prom-client's runtime metrics.",
    tags: ['nodejs', 'runtime'],
    variables: standardVariables(M.versionInfo),
    sections: [
      { title: 'Overview', panels: overview() },
      { title: 'Event loop', panels: eventLoop() },
      { title: 'Memory', panels: memory() },
      { title: 'Garbage collection', panels: garbageCollection() },
      { title: 'CPU, handles and restarts', panels: cpuAndHandles() },
    ],
  });
}
