/**
 * Reads an HTTP request body whole and undoes its Content-Encoding.
 *
 * Senders compress by default (the collector's otlphttp exporter gzips, Sentry's transport
 * gzips large envelopes), so every receiver goes through here.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

/** Refuse bodies above this size (after decompression too): a test sending more is broken. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

type Inflate = (input: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>;

const DECODERS: Record<string, Inflate> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress) as Inflate,
};
// zstd arrived in Node 22.15 and 23.8; the collector can be configured to use it.
if (typeof zlib.zstdDecompress === 'function') {
  DECODERS.zstd = promisify(zlib.zstdDecompress) as Inflate;
}

/** A body encoding the receiver cannot undo; answered with 415. */
export class UnsupportedEncodingError extends Error {
  override readonly name = 'UnsupportedEncodingError';
}

/** The raw bytes as sent, and the decoded bytes. */
export interface RequestBody {
  readonly encoding: string;
  readonly wireBytes: number;
  readonly bytes: Buffer;
}

/** Reads the whole body of `request` and decompresses it according to Content-Encoding. */
export async function readBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const wire = Buffer.concat(chunks);
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') {
    return { encoding: 'identity', wireBytes: wire.length, bytes: wire };
  }

  const decode = DECODERS[encoding];
  if (!decode) throw new UnsupportedEncodingError(`unsupported content-encoding "${encoding}"`);
  const bytes = await decode(wire, { maxOutputLength: MAX_BODY_BYTES });
  return { encoding, wireBytes: wire.length, bytes };
}
