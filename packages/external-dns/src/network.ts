import type { BuildContext, NetworkAccess, PortSpec } from '@platform/core';
import { POD_LABELS } from './chart.js';
import type { ExternalDnsConfig } from './config.js';

/**
 * external-dns's traffic: it watches the API server and calls its provider: AWS's and Cloudflare's HTTPS APIs,
 * or the RFC 2136 server's DNS port (TCP for updates and zone transfers, UDP for queries).
 */
export function networkAccess({ config }: BuildContext<ExternalDnsConfig>): NetworkAccess {
  const provider = config.provider;
  let dns: { to: 'any' | Array<{ cidr: string }>; ports: PortSpec[] } = { to: 'any', ports: [443] };
  if (provider?.type === 'rfc2136') {
    const [host, portText] = provider.nameserver.split(/:(?=\d+$)/);
    const port = Number(portText);
    const ip = /^\d{1,3}(\.\d{1,3}){3}$/.test(host!) ? [{ cidr: `${host}/32` }] : ('any' as const);
    dns = {
      to: ip,
      ports: [
        { port, protocol: 'TCP' },
        { port, protocol: 'UDP' },
      ],
    };
  }
  return {
    egress: [
      { name: 'api-server', to: 'apiServer', podLabels: POD_LABELS },
      { name: 'dns-provider', to: dns.to, ports: dns.ports, podLabels: POD_LABELS },
    ],
  };
}
