import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // jieba's dictionary load and the index build take a moment on 2 cores
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
