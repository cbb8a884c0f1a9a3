import { configDefaults, defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'signaling-server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PostgreSQL-only tests run in vitest.postgres.config.ts.
    exclude: [...configDefaults.exclude, '**/*.postgres.test.ts'],
    environment: 'node',
    // The first test of a file seeds the demo data with production-cost password hashes.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
