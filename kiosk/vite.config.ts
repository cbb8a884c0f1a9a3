import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';
import manifest from './package.json' with { type: 'json' };

const server = process.env.LOKET_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/kiosk/',
  define: { __LOKET_VERSION__: JSON.stringify(manifest.version) },
  // Precompressed next to each asset (brotli and gzip), served as the browser accepts them:
  // no compression work per request, and brotli's best level costs only build time.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/] })],
  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The kiosk, and the page a visitor's phone opens from the waiting screen's QR code.
    rollupOptions: { input: { kiosk: 'index.html', visit: 'visit.html' } },
  },
  test: {
    name: 'kiosk',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
