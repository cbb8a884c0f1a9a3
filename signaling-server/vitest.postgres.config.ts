import { configDefaults, defineProject } from 'vitest/config';

/**
 * The server suite again, on PostgreSQL: the harness reads LOKET_TEST_DIALECT and makes each
 * test's database from a seeded template database. `src/core` is pure logic and the layer rules
 * are lint's, so both run once, in the `signaling-server` project; `*.postgres.test.ts` files run
 * only here.
 */
export default defineProject({
  test: {
    name: 'signaling-server-postgres',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The recogniser's client holds no data: its tests run once, in the SQLite project.
    exclude: [
      ...configDefaults.exclude,
      'src/core/**',
      'test/layer-rules.test.ts',
      'src/captions/onprem-recogniser.test.ts',
      'src/captions/word-error-rate.test.ts',
    ],
    environment: 'node',
    // The first test of a file seeds the demo data with production-cost password hashes.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: { LOKET_TEST_DIALECT: 'postgres' },
    globalSetup: ['test/postgres-setup.ts'],
  },
});
