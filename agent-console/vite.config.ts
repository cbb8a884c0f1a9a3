import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

const server = process.env.LOKET_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/console/',
  // Precompressed next to each asset (brotli and gzip), served as the browser accepts them:
  // no compression work per request, and brotli's best level costs only build time.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/] })],
  server: {
    port: 5174,
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Name the shared chunks: the socket client loads only with a signed-in page.
        codeSplitting: {
          groups: [
            { name: 'socket-io', test: /node_modules[\\/].*(socket\.io|engine\.io)/, priority: 2 },
            // LiveKit loads only for a call that uses it, never with the first page.
            { name: 'livekit', test: /node_modules[\\/].*livekit/, priority: 2 },
            // Charts load with the reports page only; React, which they use, stays in vendor.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@reduxjs|redux|react-redux|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant)[\\/]/,
              priority: 2,
              includeDependenciesRecursively: false,
            },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    name: 'agent-console',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
