import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstRouteFiles } from './first-route-files.js';

/** The kiosk's first-route budget, in bytes of gzip. */
export const FIRST_ROUTE_LIMIT = 100_000;

/** One file of the first route and its size gzipped at the level the build's `.gz` copies use. */
export interface RouteFile {
  path: string;
  gzipBytes: number;
}

/** The first route of the kiosk built into `dist` (served under `/kiosk/`), file by file. */
export function measureFirstRoute(dist: string): { files: RouteFile[]; gzipBytes: number } {
  const read = (path: string) => readFileSync(join(dist, path), 'utf8');
  const files = firstRouteFiles({ base: '/kiosk/', read }).map((path) => ({
    path,
    gzipBytes: gzipSync(readFileSync(join(dist, path)), { level: 9 }).length,
  }));
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}
