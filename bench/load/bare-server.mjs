// A bare socket.io server answering the kiosk's events with canned payloads: what the load
// benchmark measures Loket's idle cost per connection against. Port and path from argv.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve('signaling-server/package.json'));
const { Server } = require('socket.io');
const [port, socketPath] = [Number(process.argv[2]), process.argv[3]];
const server = http.createServer((req, res) => res.end('ok'));
const io = new Server(server, { path: socketPath, serveClient: false, transports: ['websocket'] });
const canned = {
  kioskId: 'k',
  office: { id: 'o', name: { id: 'Kantor', en: 'Office' } },
  services: [],
  ticket: null,
  call: null,
  inService: true,
  speechLeavesOffice: false,
};
io.of('/kiosk').on('connection', (socket) => {
  socket.on('kiosk:bootstrap', (_, ack) => ack({ ok: true, data: canned }));
});
server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
// An exit rather than the default end, so a profiled run (node --cpu-prof) writes its profile.
process.on('SIGTERM', () => process.exit(0));
