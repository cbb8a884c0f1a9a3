import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Server tests mostly wait on databases, sockets and timers: two files at a time keep both
    // cores of a small machine busy, where the default (cores − 1) would run one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      'shared',
      'signaling-server',
      // The server suite on PostgreSQL; LOKET_TEST_POSTGRES=skip leaves it out on purpose.
      ...(process.env.LOKET_TEST_POSTGRES === 'skip'
        ? []
        : ['signaling-server/vitest.postgres.config.ts']),
      'kiosk',
      'agent-console',
      // The build's own checks (scripts/), which run in Node.
      { test: { name: 'scripts', include: ['scripts/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
