import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import manifest from './package.json' with { type: 'json' };

const server = process.env.LOKET_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/kiosk/',
  define: { __LOKET_VERSION__: JSON.stringify(manifest.version) },
  // Precompressed next to each asset (brotli and gzip), served as the browser accepts them:
  // no compression work per request, and brotli's best level costs only build time.
  plugins: [
    react(),
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/] }),
    // A service worker (Workbox) that keeps the app's files and the offline page: a kiosk that
    // (re)loads while the server is gone shows the offline page instead of the browser's error.
    // Pages are always asked of the network first; the kiosk registers it itself (main.tsx), so
    // a visitor's phone opening the visit page never installs it.
    VitePWA({
      injectRegister: false,
      manifest: false,
      registerType: 'autoUpdate',
      workbox: {
        globPatterns: ['offline.html', 'assets/*.{js,css}'],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ request }) => request.mode === 'navigate',
            handler: 'NetworkOnly',
            options: {
              precacheFallback: { fallbackURL: 'offline.html' },
            },
          },
        ],
      },
    }),
  ],
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
    // The kiosk, the page a visitor's phone opens from the waiting screen's QR code, the page
    // the kiosk shows while the server is gone, the visit's summary the thank-you screen's QR
    // code opens, and the lobby's call-out display (served at /display/).
    rollupOptions: {
      input: {
        kiosk: 'index.html',
        visit: 'visit.html',
        offline: 'offline.html',
        summary: 'summary.html',
        display: 'display.html',
      },
    },
  },
  test: {
    name: 'kiosk',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
