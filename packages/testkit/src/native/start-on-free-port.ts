/**
 * Starts a server program on a port chosen just before, retrying with a fresh port when another
 * process took it in between (tests run concurrently on one machine).
 */
import { getFreePort } from '../process/free-port.ts';
import type { ProcessHandle } from '../process/spawn-process.ts';

const ATTEMPTS = 3;
const ADDRESS_IN_USE = /address already in use|Address already in use|EADDRINUSE/;

/**
 * Calls `start(port)` with free ports until one start succeeds; a failure other than the port
 * being taken is thrown at once. With `port` given, only that port is tried.
 */
export async function startOnFreePort(
  start: (port: number) => Promise<ProcessHandle>,
  port?: number,
): Promise<{ port: number; process: ProcessHandle }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < (port === undefined ? ATTEMPTS : 1); attempt++) {
    const candidate = port ?? (await getFreePort());
    try {
      return { port: candidate, process: await start(candidate) };
    } catch (error) {
      lastError = error;
      if (!ADDRESS_IN_USE.test(String((error as Error).message))) throw error;
    }
  }
  throw lastError;
}
