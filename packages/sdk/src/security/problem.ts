import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details.ts';
import { activeTraceContext } from '../internal/trace-context.ts';

/** An RFC 9457 problem detail. Extension members sit beside the standard ones. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  /** A URI naming the problem type; `about:blank` when the status says it all. */
  readonly type?: string;
  readonly [extension: string]: unknown;
}

/**
 * Answers with `application/problem+json`, shaped like the SDK's error handler answers (with
 * the trace id to quote to support). The body never carries a stack trace or the rejected
 * input: only what the client needs to correct its request. Does nothing once headers are sent.
 */
export function sendProblem(
  res: ServerResponse,
  problem: Problem,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return;
  const traceId = activeTraceContext()?.traceId;
  const body = JSON.stringify({ type: 'about:blank', ...problem, trace_id: traceId });
  res.statusCode = problem.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
