import type { ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { ipKeyGenerator, type Options, rateLimit, type Store } from 'express-rate-limit';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import { getApiKeyPrincipal } from './api-keys/principal.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { RateLimitConfig } from './config/security-config.ts';
import type { RateBudget } from './config/setting-parsers.ts';
import { sendProblem } from './problem.ts';
import { clientAddress, type ExpressLikeRequest, requestPath } from './request-facts.ts';
import { type PromRegistry, securityMetrics } from './security-metrics.ts';

type Middleware = (
  req: ExpressLikeRequest,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** Sends one raw command; node-redis's `client.sendCommand(args)` fits. */
export interface RedisCommandSender {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RateLimitDeps {
  readonly registry: PromRegistry;
  readonly audit: AuditLog;
  /** Shared counters for several replicas; without it counters live in this process. */
  readonly redis?: RedisCommandSender;
  /** Receives store failures and configuration warnings from express-rate-limit. */
  readonly report?: (kind: string, message: string, error?: unknown) => void;
}

/** Rate-limit middlewares by route group; see `createRateLimiters`. */
export interface RateLimiters {
  /** The limiter of a configured group; the same instance (and budget) on every call. */
  group(name: string): Middleware;
  /**
   * Counts only answers of 401 per client address and blocks the address once its budget of
   * failures is spent: mount it before the API-key guard to stop key guessing.
   */
  readonly authFailures: Middleware;
  /** The group names with a budget. */
  readonly groups: readonly string[];
}

/** Asked for a group that has no budget: a wiring mistake, reported at setup. */
export class UnknownRateLimitGroupError extends Error {
  readonly code = 'LOOKOUT_CONFIG_INVALID';
}

/**
 * Rate limiters for route groups, built on express-rate-limit. An authenticated request is
 * counted against its API key; an anonymous one against its client address, with IPv6
 * addresses grouped by subnet (one host may own a whole /64). The address is Express's
 * `req.ip`, which honours only the configured proxy hop count. Refusals are 429 problem+json
 * with `Retry-After` and the IETF draft-8 `RateLimit` and `RateLimit-Policy` headers, counted in
 * `lookout_rate_limit_hits_total{group}`; the first refusal per client and window is audited.
 */
export function createRateLimiters(config: RateLimitConfig, deps: RateLimitDeps): RateLimiters {
  const built = new Map<string, Middleware>();
  const build = (group: string, budget: RateBudget, extra: Partial<Options> = {}) =>
    config.enabled ? limiter(group, budget, config, deps, extra) : passThrough;

  const group = (name: string): Middleware => {
    const budget = config.groups[name];
    if (budget === undefined) {
      throw new UnknownRateLimitGroupError(
        `No rate-limit budget for group "${name}"; add it to LOOKOUT_RATE_LIMIT_GROUPS`,
      );
    }
    let middleware = built.get(name);
    if (middleware === undefined) {
      middleware = build(name, budget);
      built.set(name, middleware);
    }
    return middleware;
  };

  const authFailures = build('auth-failures', config.authFailures, {
    // No RateLimit headers on every request: the failure budget is not the client's business
    // until it is spent, and then Retry-After says all there is to say.
    standardHeaders: false,
    keyGenerator: (req: Request) => addressKey(req, config.ipv6Subnet),
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req: Request, res: Response) => res.statusCode !== 401,
  });
  return { group, authFailures, groups: Object.keys(config.groups) };
}

const passThrough: Middleware = (_req, _res, next) => next();

function limiter(
  group: string,
  budget: RateBudget,
  config: RateLimitConfig,
  deps: RateLimitDeps,
  extra: Partial<Options>,
): Middleware {
  const metrics = securityMetrics(deps.registry);
  const report = deps.report ?? (() => {});
  const handler = rateLimit({
    windowMs: budget.windowMs,
    limit: budget.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: group,
    keyGenerator: (req: Request) => clientKey(req, config.ipv6Subnet),
    store: deps.redis === undefined ? undefined : redisStore(deps.redis, group),
    passOnStoreError: config.failOpen,
    logger: {
      warn: (error, message) => report('rate_limit.warning', message ?? String(error), error),
      error: (error, message) => report('rate_limit.store_error', message ?? String(error), error),
    },
    handler: (req: Request, res: Response) => {
      metrics.rateLimitHits.inc({ group });
      const info = (req as Request & { rateLimit?: RateInfo }).rateLimit;
      if (!res.hasHeader('Retry-After'))
        res.setHeader('Retry-After', String(secondsUntil(info?.resetTime)));
      // Audit the first refusal of a window only, so a flood costs one record per client.
      if (info !== undefined && info.used === info.limit + 1) {
        deps.audit.record('rate_limit.exceeded', {
          group,
          client: clientKey(req, config.ipv6Subnet),
          method: req.method,
          path: requestPath(req),
        });
      }
      const detail = `Too many requests in group "${group}"; retry after the time in Retry-After.`;
      sendProblem(res, { status: 429, title: 'Too Many Requests', detail });
    },
    ...extra,
  });
  return handler as unknown as Middleware;
}

interface RateInfo {
  readonly used: number;
  readonly limit: number;
  readonly resetTime: Date | undefined;
}

/** Whole seconds until `reset`, at least 1. */
function secondsUntil(reset: Date | undefined): number {
  return Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now()) - Date.now()) / 1000));
}

/** `key:<id>` for an authenticated request, else the client address key. */
export function clientKey(req: ExpressLikeRequest, ipv6Subnet: number): string {
  const principal = getApiKeyPrincipal(req);
  return principal === undefined ? addressKey(req, ipv6Subnet) : `key:${principal.id}`;
}

function addressKey(req: ExpressLikeRequest, ipv6Subnet: number): string {
  return `ip:${ipKeyGenerator(clientAddress(req), ipv6Subnet)}`;
}

/** One store per limiter (express-rate-limit refuses a shared one), prefixed by group. */
function redisStore(redis: RedisCommandSender, group: string): Store {
  return new RedisStore({
    prefix: `lookout:rl:${group}:`,
    sendCommand: (...args: string[]) => redis.sendCommand(args) as Promise<RedisReply>,
  });
}
