import { defineConfig } from 'vitest/config';

/**
 * Every workspace package with tests is a project; `pnpm test` runs them all, in parallel
 * across files. Each project's own vitest.config.ts holds its timeouts and setup.
 */
export default defineConfig({
  test: {
    projects: ['packages/*', 'dashboards', 'alerts', 'compose', 'deploy', 'test', 'bench'],
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
