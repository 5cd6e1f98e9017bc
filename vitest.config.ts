import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // jieba's dictionary load, index builds and child bot processes take a while on a loaded 2-core machine;
    // speed is measured by `npm run bench`, never by these limits
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
