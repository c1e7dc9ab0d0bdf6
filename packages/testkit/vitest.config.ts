import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'testkit',
    include: ['test/**/*.test.ts'],
    // Several tests start real Prometheus, Alertmanager and Redis processes on a shared
    // two-core machine; their startup, not the assertions, sets these limits.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
