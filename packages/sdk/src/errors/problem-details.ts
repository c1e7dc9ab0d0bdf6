import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { activeTraceContext } from '../internal/trace-context.ts';

/** An RFC 9457 problem document. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly trace_id?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * An error that knows its HTTP status and is safe to show to the client. Throw it (or any error
 * carrying `status` / `statusCode` and `expose`) from a handler to answer with that status.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly expose = true;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(status: number, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.extensions = extensions;
  }
}

/** Body-parser failures mapped to the answer a client can act on. */
const PARSER_ERRORS: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'The request body is larger than this endpoint accepts.'],
  'encoding.unsupported': [415, 'The request body encoding is not supported.'],
  'charset.unsupported': [415, 'The request body charset is not supported.'],
  'request.aborted': [400, 'The client aborted the request.'],
};

export interface ProblemHandlerOptions {
  readonly logger: Logger;
  /** Include the stack trace in 5xx answers; only ever true in development. */
  readonly exposeStack: boolean;
  /** Receives every error answered with 5xx, e.g. to send it to Sentry. */
  readonly report?: (error: unknown, req: IncomingMessage) => void;
}

/**
 * Express error handler answering `application/problem+json`. Client errors keep their message;
 * server errors say only that something failed, with the trace id to quote to support, and are
 * logged (with the same trace id) and recorded on the active span.
 */
export function problemDetailsHandler(options: ProblemHandlerOptions) {
  return function lookoutErrorHandler(
    error: unknown,
    req: IncomingMessage & { originalUrl?: string },
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) {
    if (res.headersSent) return next(error);
    const problem = toProblem(error, options.exposeStack);
    const document = {
      ...problem,
      instance: pathOnly(req.originalUrl ?? req.url),
      trace_id: activeTraceContext()?.traceId,
    };

    if (problem.status >= 500) {
      options.logger.error({ err: error, status: problem.status }, 'request failed');
      const span = trace.getActiveSpan();
      span?.recordException(error instanceof Error ? error : String(error));
      span?.setStatus({ code: SpanStatusCode.ERROR });
      options.report?.(error, req);
    } else {
      options.logger.warn({ status: problem.status, detail: problem.detail }, 'request rejected');
    }
    sendProblem(res, document);
  };
}

/** Handler for requests no route matched: a 404 problem document. */
export function notFoundHandler() {
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) =>
    sendProblem(res, {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No resource exists at this path.',
      instance: pathOnly(req.originalUrl ?? req.url),
      trace_id: activeTraceContext()?.traceId,
    });
}

/** Writes a problem document with its status and content type. */
export function sendProblem(res: ServerResponse, problem: ProblemDocument): void {
  res.statusCode = problem.status;
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.end(JSON.stringify(problem));
}

function toProblem(error: unknown, exposeStack: boolean): ProblemDocument {
  const info = (error ?? {}) as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    type?: unknown;
    message?: unknown;
    extensions?: unknown;
    stack?: unknown;
  };
  const parser = typeof info.type === 'string' ? PARSER_ERRORS[info.type] : undefined;
  const rawStatus = parser?.[0] ?? Number(info.status ?? info.statusCode);
  const status =
    Number.isInteger(rawStatus) && rawStatus >= 400 && rawStatus <= 599 ? rawStatus : 500;
  const title = STATUS_TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');

  if (status >= 500) {
    const stack = exposeStack && typeof info.stack === 'string' ? { stack: info.stack } : {};
    return {
      type: 'about:blank',
      title,
      status,
      detail: 'The server failed to handle this request.',
      ...stack,
    };
  }
  const detail =
    parser?.[1] ??
    (info.expose !== false && typeof info.message === 'string' ? info.message : title);
  const extensions = info.extensions && typeof info.extensions === 'object' ? info.extensions : {};
  return { type: 'about:blank', title, status, detail, ...extensions };
}

function pathOnly(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
