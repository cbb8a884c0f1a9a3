// A bare socket.io server answering the kiosk's events with canned payloads: what the load
// benchmark measures Loket's idle cost per connection against. Port, path and a file holding the
// answer to give every bootstrap (one Loket gave) from argv.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve('signaling-server/package.json'));
const { Server } = require('socket.io');
const [port, socketPath, answerFile] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const canned = JSON.parse(fs.readFileSync(answerFile, 'utf8'));
const server = http.createServer((req, res) => res.end('ok'));
const io = new Server(server, { path: socketPath, serveClient: false, transports: ['websocket'] });
io.of('/kiosk').on('connection', (socket) => {
  socket.on('kiosk:bootstrap', (_, ack) => ack(canned));
});
server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
// An exit rather than the default end, so a profiled run (node --cpu-prof) writes its profile.
process.on('SIGTERM', () => process.exit(0));
