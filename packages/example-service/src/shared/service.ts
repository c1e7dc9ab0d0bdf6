import type { Server } from 'node:http';
import { type Lookout, useLookout } from '@lookout/sdk';
import express, { type Express } from 'express';
import { Faults } from './faults.ts';
import { requestLog } from './request-log.ts';

export interface Service {
  readonly app: Express;
  readonly lookout: Lookout;
  readonly faults: Faults;
}

/**
 * The skeleton both example processes share: Lookout first, the debug access log, then the admin
 * API for the fault switches (token-guarded), then the routes the caller adds under `/api`.
 */
export function createService(): Service {
  const app = express();
  const lookout = useLookout(app);
  app.use(requestLog(lookout.logger));
  const faults = new Faults(lookout.logger);
  app.use('/admin/faults', lookout.adminAuth(), lookout.security.jsonBody(), faults.router());
  app.use('/api', faults.middleware());
  lookout.onShutdown(() => faults.stop());
  return { app, lookout, faults };
}

/** Adds the 404 and error handlers, then listens with timeouts and graceful shutdown. */
export async function listen({ app, lookout }: Service, port: number): Promise<Server> {
  app.use(lookout.notFoundHandler());
  app.use(lookout.errorHandler());
  const server = await lookout.listen(port);
  lookout.logger.info({ port }, 'listening');
  return server;
}

/** Reads a required environment variable or stops with a message naming it. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    process.stderr.write(`${name} must be set\n`);
    process.exit(78);
  }
  return value;
}

/** Reads a port number from the environment, or the default. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`${name} must be a port number between 0 and 65535, got "${raw}"\n`);
    process.exit(78);
  }
  return port;
}
