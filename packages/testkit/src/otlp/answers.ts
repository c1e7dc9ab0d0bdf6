/**
 * The HTTP answers of the OTLP receiver, decided before anything is written. Error bodies are
 * google.rpc.Status messages in the request's encoding, as the OTLP/HTTP specification asks,
 * so exporters that log the server's reason show ours.
 */
import {
  decodeExport,
  type OtlpEncoding,
  type OtlpSignal,
  statusBody,
  successBody,
} from './decode-request.ts';

/** gRPC status codes used in Status bodies. */
const GRPC_INVALID_ARGUMENT = 3;
const GRPC_UNAVAILABLE = 14;

/** The outcome of handling one request. */
export interface Answer {
  status: number;
  body: Buffer;
  headers?: Record<string, string>;
  /** The decoded export, on success. */
  decoded?: ReturnType<typeof decodeExport>;
  /** Why decoding failed, when it did. */
  error?: string;
}

/** A plain-text answer for requests that never reach OTLP handling (404, 405, 415). */
export function plainAnswer(status: number, message: string): Answer {
  return { status, body: Buffer.from(message), headers: { 'content-type': 'text/plain' } };
}

/** A 4xx answer with an INVALID_ARGUMENT Status; senders must not retry it. */
export function invalidAnswer(status: number, encoding: OtlpEncoding, message: string): Answer {
  return { status, body: statusBody(encoding, GRPC_INVALID_ARGUMENT, message) };
}

/** 503 with an UNAVAILABLE Status, which senders retry (after `Retry-After`, when given). */
export function unavailableAnswer(encoding: OtlpEncoding, retryAfterSeconds?: number): Answer {
  return {
    status: 503,
    body: statusBody(encoding, GRPC_UNAVAILABLE, 'receiver set to unavailable'),
    headers:
      retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) },
  };
}

/** Decodes the export: 200 with the empty Export*ServiceResponse, or 400 naming the failure. */
export function acceptAnswer(signal: OtlpSignal, encoding: OtlpEncoding, body: Buffer): Answer {
  try {
    const decoded = decodeExport(signal, encoding, body);
    return { status: 200, body: successBody(signal, encoding), decoded };
  } catch (error) {
    const message = `cannot decode ${encoding} ${signal} request: ${String(error)}`;
    return { ...invalidAnswer(400, encoding, message), error: message };
  }
}
