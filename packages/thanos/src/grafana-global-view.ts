import { type INetworkPolicy, serialize, standardLabels } from '@platform/core';
import { PORTS, WORKLOAD } from './layout.js';
import { queryFrontendUrl } from './query-frontend.js';

/** What a Grafana needs to show the global view until datasources can come from a query-only capability. */
export interface GrafanaGlobalView {
  /** A Grafana datasource provisioning file with one Prometheus datasource: the global Query Frontend. */
  datasourcesFile: string;
  /** Egress from Grafana's pods to the global Query Frontend (Grafana's namespace denies egress by default). */
  networkPolicy: INetworkPolicy;
}

/**
 * The global view as a Grafana datasource (uid `<thanos component>-global`), for an environment to add to its
 * Grafana's `datasources_configmap` (a second file in the provisioning folder) with the egress to reach it.
 */
export function grafanaGlobalView(options: {
  /** The Thanos component and its namespace. */
  thanos: { name: string; namespace: string };
  /** Grafana's namespace and pod selector. */
  grafana: { namespace: string; podLabels: Record<string, string> };
  clusterDomain?: string;
}): GrafanaGlobalView {
  const settings = { clusterDomain: options.clusterDomain ?? 'cluster.local' };
  const uid = `${options.thanos.name}-global`;
  return {
    datasourcesFile: serialize({
      apiVersion: 1,
      datasources: [
        {
          name: uid,
          uid,
          type: 'prometheus',
          access: 'proxy',
          orgId: 1,
          url: queryFrontendUrl(options.thanos.namespace, settings),
          isDefault: false,
          editable: false,
          jsonData: { httpMethod: 'POST' },
        },
      ],
    }),
    networkPolicy: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: `allow-to-${uid}`,
        namespace: options.grafana.namespace,
        labels: standardLabels('grafana', 'network-policy'),
      },
      spec: {
        podSelector: { matchLabels: options.grafana.podLabels },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': options.thanos.namespace } },
                podSelector: {
                  matchLabels: {
                    'app.kubernetes.io/instance': options.thanos.name,
                    'app.kubernetes.io/name': WORKLOAD.queryFrontend,
                  },
                },
              },
            ],
            ports: [{ port: PORTS.http, protocol: 'TCP' }],
          },
        ],
      },
    },
  };
}
