import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{kernels,shared,workers,renderer,main,cli,scorer,sample-data,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
