// Fails when the kiosk's first route (the JavaScript its page needs before the first screen can
// paint) grows past its budget. Run after the build.
import { FIRST_ROUTE_LIMIT, measureFirstRoute } from './first-route-size.js';

const { files, gzipBytes } = measureFirstRoute(process.env.KIOSK_DIST ?? 'kiosk/dist');
for (const file of files) {
  process.stdout.write(`${String(file.gzipBytes).padStart(8)} B gzip  ${file.path}\n`);
}
// No file at all is a broken build, not a small one.
const ok = files.length > 0 && gzipBytes <= FIRST_ROUTE_LIMIT;
process.stdout.write(
  `kiosk first route: ${gzipBytes} B gzip in ${files.length} files ` +
    `(limit ${FIRST_ROUTE_LIMIT} B): ${ok ? 'ok' : 'TOO BIG'}\n`,
);
process.exit(ok ? 0 : 1);
