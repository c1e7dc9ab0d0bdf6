import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyConfig } from './config/security-config.ts';
import { type Problem, sendProblem } from './problem.ts';

type BodyRequest = IncomingMessage & { body?: unknown };
type Middleware = (req: BodyRequest, res: ServerResponse, next: (err?: unknown) => void) => void;

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

/**
 * Parses JSON request bodies with hard limits, the same in Express 4 and 5:
 * - a body that is not `application/json` (or `+json`), not UTF-8, or compressed gets 415;
 * - one over `limitBytes` gets 413 and the connection is closed, without reading the rest when
 *   Content-Length already announces it;
 * - malformed JSON, invalid UTF-8, nesting deeper than `maxDepth` or a `__proto__` key get 400.
 * Errors are problem+json and never echo the body or the parser's message (which quotes it).
 * Requests without a body pass with `req.body` untouched.
 */
export function jsonBody(config: BodyConfig): Middleware {
  return (req, res, next) => {
    if (req.body !== undefined || !hasBody(req)) return next();
    const refusal = checkHeaders(req, config.limitBytes);
    if (refusal !== undefined) return refuse(res, refusal);

    readLimited(req, config.limitBytes).then((bytes) => {
      if (bytes === undefined) return refuse(res, TOO_LARGE);
      const parsed = parseJson(bytes, config.maxDepth);
      if ('problem' in parsed) return refuse(res, parsed.problem);
      req.body = parsed.value;
      next();
    }, next);
  };
}

const TOO_LARGE: Problem = {
  status: 413,
  title: 'Content Too Large',
  detail: 'The body exceeds the size limit.',
};
const malformed = (detail: string): Problem => ({ status: 400, title: 'Bad Request', detail });

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function checkHeaders(req: IncomingMessage, limitBytes: number): Problem | undefined {
  const [type = '', ...params] = (req.headers['content-type'] ?? '').split(';');
  if (!JSON_TYPE.test(type.trim().toLowerCase())) {
    return {
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'Send the body as application/json.',
    };
  }
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='));
  if (charset !== undefined && !/^charset="?utf-8"?$/.test(charset)) {
    return { status: 415, title: 'Unsupported Media Type', detail: 'JSON bodies must be UTF-8.' };
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    return {
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'Compressed bodies are not accepted.',
    };
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  return declared > limitBytes ? TOO_LARGE : undefined;
}

/** A refused body may still be arriving: close the connection rather than read it all. */
function refuse(res: ServerResponse, problem: Problem): void {
  const headers: Record<string, string> = problem.status === 413 ? { Connection: 'close' } : {};
  sendProblem(res, problem, headers);
}

/** Reads the body, or resolves undefined as soon as it passes `limitBytes`. */
function readLimited(req: IncomingMessage, limitBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Buffer, maxDepth: number): { value: unknown } | { problem: Problem } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { problem: malformed('The body is not valid UTF-8.') };
  }
  if (nestingDepth(text) > maxDepth)
    return { problem: malformed(`JSON nesting exceeds ${maxDepth} levels.`) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: malformed('The body is not valid JSON.') };
  }
  return hasProtoKey(value)
    ? { problem: malformed('The key "__proto__" is not allowed.') }
    : { value };
}

/**
 * The deepest bracket nesting outside strings, found before parsing so that a document built
 * to exhaust the stack of later recursive code never becomes an object.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * `JSON.parse` keeps `__proto__` as an ordinary key, harmless until some merge or spread copies
 * it onto an object's prototype. Refusing it at the door is simpler than auditing every merge.
 */
function hasProtoKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item !== 'object') continue;
    if (!Array.isArray(item) && Object.hasOwn(item, '__proto__')) return true;
    // A loop, not push(...values): a spread of a 100 000-item array overflows the call stack.
    for (const child of Object.values(item)) pending.push(child);
  }
  return false;
}
