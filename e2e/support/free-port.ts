import dgram from 'node:dgram';
import net from 'node:net';

/**
 * A port of 127.0.0.1 that is free now, for a process that must be told its port before it
 * starts (a server in a child process, livekit-server's config); a server in this process listens
 * on port 0 instead. `udp` asks for a datagram port, as livekit-server's ICE needs.
 */
export function freePort(protocol: 'tcp' | 'udp' = 'tcp'): Promise<number> {
  return protocol === 'udp' ? freeUdpPort() : freeTcpPort();
}

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
