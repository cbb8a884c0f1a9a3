// HAProxy's configuration for several Loket instances behind one address, used by `./loket
// cluster` and the cluster tests; a deployment can start from what it prints.

/**
 * @param {{ port: number, host?: string, instances: { name: string, host?: string, port: number }[] }} cluster
 * @returns {string}
 */
export function haproxyConfig({ port, host = '127.0.0.1', instances }) {
  const servers = instances.map(
    (instance) =>
      `  server ${instance.name} ${instance.host ?? '127.0.0.1'}:${instance.port} check inter 500 fall 2 rise 2 cookie ${instance.name}`,
  );
  return [
    'global',
    // Each connection holds two descriptors (client and instance); this fits a common 20,000 limit.
    '  maxconn 9000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A socket.io websocket stays open for hours; its pings keep it well inside this.
    '  timeout tunnel 1h',
    // A request for an instance that died goes to another one instead of failing.
    '  option redispatch',
    '  retries 2',
    '  option forwardfor',
    'frontend loket',
    `  bind ${host}:${port}`,
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    // Sticky by cookie: socket.io's long-polling transport (which a browser may use before, or
    // instead of, the websocket) sends each request of one session separately, and an instance
    // knows only its own sessions. A websocket is one connection and needs no stickiness. The
    // cookie names an instance, not a user; when that instance is down, `redispatch` picks
    // another, where the client reconnects and recovers its session through Redis.
    '  cookie LOKET_INSTANCE insert indirect nocache httponly',
    ...servers,
    '',
  ].join('\n');
}
