import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
