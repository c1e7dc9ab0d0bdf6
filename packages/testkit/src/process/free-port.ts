/** Asks the OS for a free TCP port. */
import { createServer } from 'node:net';

/**
 * Returns a TCP port that was free on `host` a moment ago, for programs that need a port on
 * their command line. Another process may take it before the program binds it; runners that
 * start programs this way retry on "address in use".
 */
export async function getFreePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
