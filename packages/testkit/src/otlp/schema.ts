/**
 * The OTLP message types, loaded once into a protobufjs root.
 *
 * All types live in one flat namespace: OTLP's package names never reach the wire, and a flat
 * namespace keeps the hand-written descriptors short.
 */
import protobuf from 'protobufjs';
import { commonTypes } from './schema-common.ts';
import { logsTypes } from './schema-logs.ts';
import { metricsTypes } from './schema-metrics.ts';
import { traceTypes } from './schema-trace.ts';

const root = protobuf.Root.fromJSON({
  nested: {
    otlp: { nested: { ...commonTypes, ...traceTypes, ...logsTypes, ...metricsTypes } },
  },
});

/** Looks up one OTLP message type by its short name, e.g. `ExportTraceServiceRequest`. */
export function otlpType(name: string): protobuf.Type {
  return root.lookupType(`otlp.${name}`);
}
