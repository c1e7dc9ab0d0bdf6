import type { Logger } from '@lookout/sdk';
import type { NextFunction, Request, Response } from 'express';

/**
 * An access log at debug level: method, URL, status, duration and the request headers, one line
 * per finished request. Headers and URLs carry credentials (Authorization, cookies, tokens in
 * query strings); the line goes through the SDK logger, whose redaction removes them, which is
 * what lets a service log requests this plainly. Off unless LOOKOUT_LOG_LEVEL is debug or trace.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!logger.isLevelEnabled('debug')) return next();
    const started = performance.now();
    res.once('finish', () => {
      logger.debug(
        {
          req: { method: req.method, url: req.originalUrl, headers: req.headers },
          res: { status: res.statusCode },
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        },
        'request finished',
      );
    });
    next();
  };
}
