import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { sendProblem } from '../errors/problem-details.ts';
import type { AuditLog } from '../security/audit/audit-log.ts';
import type { Secret } from '../security/secret.ts';

/**
 * Guards admin endpoints with a bearer token. Without a configured token the endpoints do not
 * exist as far as clients can tell (404): admin surfaces are closed unless someone opens them.
 * Tokens are compared through their SHA-256 digests in constant time, so neither the content nor
 * the length of the real token leaks through timing.
 */
export function adminAuth(token: Secret | undefined, logger: Logger, audit: AuditLog) {
  const expected = token === undefined ? undefined : digest(token.reveal());

  return function lookoutAdminAuth(req: IncomingMessage, res: ServerResponse, next: () => void) {
    if (expected === undefined) {
      sendProblem(res, { type: 'about:blank', title: 'Not Found', status: 404 });
      return;
    }
    const presented = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      audit.record('admin.action', { method: req.method, path: pathOf(req) });
      next();
      return;
    }
    audit.record('auth.failure', { scheme: 'admin-token', method: req.method, path: pathOf(req) });
    logger.warn(
      { admin: { method: req.method, path: pathOf(req) } },
      'admin authentication failed',
    );
    res.setHeader('WWW-Authenticate', 'Bearer realm="admin"');
    sendProblem(res, {
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail: 'A valid admin bearer token is required.',
    });
  };
}

function pathOf(req: IncomingMessage): string | undefined {
  return req.url?.split('?')[0];
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
