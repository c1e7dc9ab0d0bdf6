/**
 * Shorthands for writing protobufjs JSON descriptors by hand.
 *
 * The OTLP schema in this folder is written from the field numbers of the public OTLP
 * specification (opentelemetry-proto), not generated from its .proto files, so that the
 * decoder is an independent reading of the wire format rather than a copy of the encoder's.
 */
import type protobuf from 'protobufjs';

/** A singular field: `field(1, 'string')`. */
export function field(id: number, type: string): protobuf.IField {
  return { id, type };
}

/** A repeated field: `repeated(2, 'KeyValue')`. */
export function repeated(id: number, type: string): protobuf.IField {
  return { id, type, rule: 'repeated' };
}

/** A message descriptor; `oneofs` maps a oneof name to its member field names. */
export function message(
  fields: Record<string, protobuf.IField>,
  oneofs?: Record<string, string[]>,
): protobuf.IType {
  if (!oneofs) return { fields };
  const entries = Object.entries(oneofs).map(([name, members]) => [name, { oneof: members }]);
  return { fields, oneofs: Object.fromEntries(entries) };
}

/** An enum descriptor from its value names and numbers. */
export function enumeration(values: Record<string, number>): protobuf.IEnum {
  return { values };
}
