import { HttpProblem, type Logger } from '@lookout/sdk';
import type { NextFunction, Request, Response } from 'express';
import express, { type Router } from 'express';
import { z } from 'zod';

/** The fault switches; all off by default. */
export const faultSettingsSchema = z.strictObject({
  /** Share of API requests that fail with a 500, 0 to 1. */
  errorRatio: z.number().min(0).max(1),
  /** Extra latency added to every API request, milliseconds. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Time each API request blocks the event loop, milliseconds. */
  eventLoopStallMs: z.number().int().min(0).max(10_000),
  /** Memory retained and never freed, megabytes per minute. */
  memoryGrowthMbPerMinute: z.number().min(0).max(1024),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

const NO_FAULTS: FaultSettings = {
  errorRatio: 0,
  latencyMs: 0,
  eventLoopStallMs: 0,
  memoryGrowthMbPerMinute: 0,
};

/**
 * Injectable faults for demos and alert tests: errors, latency, event-loop stalls and a memory
 * leak. They are switched at runtime through the admin API, so an alert can be made to fire and
 * then to resolve against a running service.
 */
export class Faults {
  #settings: FaultSettings = NO_FAULTS;
  readonly #leaked: Buffer[] = [];
  #leakTimer: NodeJS.Timeout | undefined;
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  get settings(): FaultSettings {
    return this.#settings;
  }

  /** Replaces the given switches; the others keep their values. */
  update(changes: Partial<FaultSettings>): FaultSettings {
    this.#settings = { ...this.#settings, ...changes };
    this.#restartLeak();
    this.#logger.warn({ faults: this.#settings }, 'fault switches changed');
    return this.#settings;
  }

  /** Turns every fault off and frees the leaked memory. */
  reset(): FaultSettings {
    this.#leaked.length = 0;
    return this.update(NO_FAULTS);
  }

  /**
   * Middleware adding the latency and event-loop faults to every request it guards; mounted in
   * front of the API routers.
   */
  middleware() {
    return async (_req: Request, _res: Response, next: NextFunction) => {
      const { latencyMs, eventLoopStallMs } = this.#settings;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (eventLoopStallMs > 0) blockEventLoop(eventLoopStallMs);
      next();
    };
  }

  /**
   * Route middleware failing the share `errorRatio` of requests, placed first in each route. An
   * error raised in front of the routers would be labelled `http_route="unmatched"`, which the
   * SLOs leave out like any unknown path; a real dependency failure happens inside a route.
   */
  failPoint() {
    return (_req: Request, _res: Response, next: NextFunction) => {
      const { errorRatio } = this.#settings;
      if (errorRatio > 0 && Math.random() < errorRatio) {
        next(new Error('injected fault: simulated dependency failure'));
        return;
      }
      next();
    };
  }

  /** Admin routes: GET shows the switches, PUT changes them, DELETE resets them. */
  router(): Router {
    const router = express.Router();
    router.get('/', (_req, res) => void res.json(this.#settings));
    router.put('/', (req, res) => {
      const parsed = faultSettingsSchema.partial().safeParse(req.body);
      if (!parsed.success) throw new HttpProblem(400, z.prettifyError(parsed.error));
      res.json(this.update(parsed.data));
    });
    router.delete('/', (_req, res) => void res.json(this.reset()));
    return router;
  }

  /** Stops the leak timer; used on shutdown. */
  stop(): void {
    clearInterval(this.#leakTimer);
  }

  #restartLeak(): void {
    clearInterval(this.#leakTimer);
    const perSecondMb = this.#settings.memoryGrowthMbPerMinute / 60;
    if (perSecondMb <= 0) return;
    this.#leakTimer = setInterval(() => {
      // Filled, so the pages are really committed and show up in RSS and the heap.
      this.#leaked.push(Buffer.alloc(Math.ceil(perSecondMb * 1024 * 1024), 1));
    }, 1000);
    this.#leakTimer.unref();
  }
}

function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy-wait on purpose: this is the stall being simulated.
  }
}
