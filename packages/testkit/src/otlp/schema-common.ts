/**
 * OTLP common and resource messages (opentelemetry/proto/common/v1, resource/v1), plus the
 * google.rpc.Status that OTLP/HTTP error responses carry.
 *
 * Field names are the lowerCamelCase names of OTLP/JSON so that a protobuf request decodes to
 * the same object shape as a JSON one.
 */
import type protobuf from 'protobufjs';
import { field, message, repeated } from './schema-fields.ts';

export const commonTypes: Record<string, protobuf.IType> = {
  AnyValue: message(
    {
      stringValue: field(1, 'string'),
      boolValue: field(2, 'bool'),
      intValue: field(3, 'int64'),
      doubleValue: field(4, 'double'),
      arrayValue: field(5, 'ArrayValue'),
      kvlistValue: field(6, 'KeyValueList'),
      bytesValue: field(7, 'bytes'),
    },
    {
      value: [
        'stringValue',
        'boolValue',
        'intValue',
        'doubleValue',
        'arrayValue',
        'kvlistValue',
        'bytesValue',
      ],
    },
  ),
  ArrayValue: message({ values: repeated(1, 'AnyValue') }),
  KeyValueList: message({ values: repeated(1, 'KeyValue') }),
  KeyValue: message({ key: field(1, 'string'), value: field(2, 'AnyValue') }),
  InstrumentationScope: message({
    name: field(1, 'string'),
    version: field(2, 'string'),
    attributes: repeated(3, 'KeyValue'),
    droppedAttributesCount: field(4, 'uint32'),
  }),
  Resource: message({
    attributes: repeated(1, 'KeyValue'),
    droppedAttributesCount: field(2, 'uint32'),
  }),
  // google.rpc.Status without `details` (field 3, repeated Any): we only ever write it.
  Status: message({ code: field(1, 'int32'), message: field(2, 'string') }),
};
