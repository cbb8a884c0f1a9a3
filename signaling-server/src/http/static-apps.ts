import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * Serves a built single-page app under its base path. Hashed assets are cached for a year;
 * index.html never, so a new release reaches kiosks on their next reload. An asset is sent as
 * the brotli or gzip file the build made beside it when the browser accepts that encoding. Source maps are served
 * only when `sourceMaps` is set (outside production): they hand anyone the readable source.
 */
export function staticApp(dir: string, sourceMaps: boolean): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');
  if (!sourceMaps) router.get(/\.map$/, (_req, res) => void res.status(404).end());
  router.use(
    expressStaticGzip(dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, file) => {
          res.setHeader(
            'Cache-Control',
            file.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
      },
    }),
  );
  router.use(staticPage(index));
  return router;
}

/** Answers every GET with one built page, never cached (see `staticApp`). */
export function staticPage(file: string): Router {
  const router = Router();
  router.get(/.*/, (_req, res) => {
    if (!fs.existsSync(file)) {
      res.status(503).type('text').send('This app has not been built yet: run `pnpm build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  });
  return router;
}
