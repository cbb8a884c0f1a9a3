import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const server = process.env.LOKET_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    port: 5174,
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  test: {
    name: 'agent-console',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
