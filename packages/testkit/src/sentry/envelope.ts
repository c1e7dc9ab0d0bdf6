/**
 * A parser for Sentry's envelope format: a JSON header line, then items, each a JSON header
 * line followed by a payload. An item header may give the payload's `length` in bytes (then
 * the payload may itself contain newlines); without it the payload ends at the next newline.
 */

/** An envelope item header; `type` is `event`, `transaction`, `attachment`, `session`... */
export interface SentryItemHeader {
  type: string;
  length?: number;
  [key: string]: unknown;
}

/** One item of an envelope. */
export interface SentryEnvelopeItem {
  header: SentryItemHeader;
  /** The payload bytes exactly as sent. */
  payload: Buffer;
  /** The payload parsed as JSON, or `undefined` when it is not JSON (attachments). */
  json: unknown;
}

/** A parsed envelope: its header and items. */
export interface ParsedEnvelope {
  header: Record<string, unknown>;
  items: SentryEnvelopeItem[];
}

const NEWLINE = 0x0a;

/** Parses a decompressed envelope body. Throws on a malformed header or a short payload. */
export function parseEnvelope(body: Buffer): ParsedEnvelope {
  const first = readLine(body, 0);
  const header = JSON.parse(first.text) as Record<string, unknown>;
  const items: SentryEnvelopeItem[] = [];
  let position = first.next;

  while (position < body.length) {
    const line = readLine(body, position);
    position = line.next;
    // Trailing newlines (and blank separators some SDKs write) carry no item.
    if (line.text.trim() === '') continue;
    const itemHeader = JSON.parse(line.text) as SentryItemHeader;
    const payload = readPayload(body, position, itemHeader.length);
    position = payload.next;
    items.push({ header: itemHeader, payload: payload.bytes, json: tryJson(payload.bytes) });
  }
  return { header, items };
}

function readLine(body: Buffer, start: number): { text: string; next: number } {
  const end = body.indexOf(NEWLINE, start);
  const stop = end === -1 ? body.length : end;
  return { text: body.toString('utf8', start, stop), next: stop + 1 };
}

function readPayload(body: Buffer, start: number, length: number | undefined) {
  if (length === undefined) {
    const line = readLine(body, start);
    return { bytes: body.subarray(start, Math.min(line.next - 1, body.length)), next: line.next };
  }

  const end = start + length;
  if (end > body.length) {
    throw new Error(
      `envelope item declares ${length} bytes but only ${body.length - start} remain`,
    );
  }
  // The newline after a length-delimited payload is optional.
  const next = body[end] === NEWLINE ? end + 1 : end;
  return { bytes: body.subarray(start, end), next };
}

function tryJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
