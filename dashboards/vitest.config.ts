import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'dashboards',
    include: ['test/**/*.test.ts'],
  },
});
