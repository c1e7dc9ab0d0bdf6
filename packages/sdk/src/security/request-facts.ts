import type { IncomingMessage } from 'node:http';

/** The Express request fields the security middleware reads, present in Express 4 and 5. */
export type ExpressLikeRequest = IncomingMessage & { ip?: string; originalUrl?: string };

/**
 * The client's address as Express resolved it under the `trust proxy` hop count, falling back to
 * the socket. Never read from X-Forwarded-For directly: that is the client's to write.
 */
export function clientAddress(req: ExpressLikeRequest): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** The request path without its query string (which may carry tokens), cut to 200 characters. */
export function requestPath(req: ExpressLikeRequest): string {
  const url = req.originalUrl ?? req.url ?? '';
  const end = url.indexOf('?');
  return (end === -1 ? url : url.slice(0, end)).slice(0, 200);
}
