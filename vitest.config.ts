import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'signaling-server', 'kiosk', 'agent-console'],
  },
});
