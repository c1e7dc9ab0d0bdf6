import { connect } from 'node:net';

/** One request written byte for byte, so no client library can tidy up what is being tested. */
export interface RawRequest {
  readonly method?: string;
  /** The request target exactly as sent: nothing is encoded. */
  readonly target: string;
  /** Header values may hold any bytes; give a Buffer for bytes that are not latin1 text. */
  readonly headers?: readonly (readonly [string, string | Buffer])[];
  readonly body?: string | Buffer;
}

/** What came back: the status code, or `undefined` when the server closed without answering. */
export interface RawAnswer {
  readonly status: number | undefined;
  readonly head: string;
}

/** The bytes of `request` as HTTP/1.1 on a connection the server closes after answering. */
export function encodeRequest(request: RawRequest): Buffer {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: (readonly [string, string | Buffer])[] = [
    ['Host', '127.0.0.1'],
    ['Connection', 'close'],
    ...(request.headers ?? []),
    ...(body === undefined ? [] : [['Content-Length', String(body.length)] as const]),
  ];
  const lines = headers.map(([name, value]) =>
    Buffer.concat([Buffer.from(`${name}: `, 'latin1'), Buffer.from(value), CRLF]),
  );
  const start = Buffer.from(`${request.method ?? 'GET'} ${request.target} HTTP/1.1\r\n`, 'latin1');
  return Buffer.concat([start, ...lines, CRLF, ...(body === undefined ? [] : [body])]);
}

const CRLF = Buffer.from('\r\n');

/**
 * Whether HTTP allows `value` as a header value (RFC 9110 field-value: tab, visible ASCII,
 * space and obs-text); Node's parser answers 400 to anything else before any handler runs.
 */
export function isFieldValue(value: string | Buffer): boolean {
  return Buffer.from(value).every((byte) => byte === 0x09 || (byte >= 0x20 && byte !== 0x7f));
}

/**
 * Writes `bytes` to a fresh connection and reads the answer's head. A server may answer before
 * it has read everything (413, 431) and reset the connection under the rest of the write; the
 * answer already read is what counts, so that reset is not an error.
 */
export function sendRaw(port: number, bytes: Buffer, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const finish = () => {
      socket.destroy();
      const head = Buffer.concat(chunks).toString('latin1').split('\r\n\r\n', 1)[0] ?? '';
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: match ? Number(match[1]) : undefined, head });
    };
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${bytes.subarray(0, 80)}`));
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).includes('\r\n\r\n')) finish();
    });
    socket.on('end', finish);
    socket.on('error', finish);
    // Not `end()`: a server that sees the client half-close drops the request it is serving.
    socket.write(bytes);
  });
}
