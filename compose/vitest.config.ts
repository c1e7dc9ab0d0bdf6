import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'compose',
    include: ['test/**/*.test.ts'],
    // `docker compose config` starts a Go binary per call; on a shared two-core machine the first
    // call can take a few seconds.
    testTimeout: 60_000,
  },
});
