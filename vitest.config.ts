import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds write to temp folders and Wine prefixes are shared per worker: keep files apart.
    fileParallelism: true,
    pool: 'forks',
  },
});
