/** HAProxy's configuration for Loket instances on `instances`, answering on `host:port`. */
export function haproxyConfig(cluster: {
  port: number;
  host?: string;
  instances: { name: string; host?: string; port: number }[];
}): string;
