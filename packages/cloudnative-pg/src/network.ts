import type { BuildContext, EgressRule, NetworkAccess } from '@platform/core';
import { OPERATOR_POD_LABELS, WEBHOOK_PORT } from './chart.js';
import type { CloudnativePgConfig } from './config.js';
import { POD_ROLE_LABEL, POSTGRES_PORT, STATUS_PORT } from './names.js';

/**
 * Egress from the operator to the instances of every CloudNativePG cluster of the environment, derived from the
 * `postgres` endpoints (one rule per providing component, opening the pods labelled as instances there), on the
 * status port and PostgreSQL's. Endpoints whose pods carry no `cnpg.io/` label are some other PostgreSQL.
 */
function instanceEgress({ peers }: BuildContext<CloudnativePgConfig>): EgressRule[] {
  const providers = new Set(
    peers
      .all('postgres')
      .filter((endpoint) => Object.keys(endpoint.pods?.host ?? {}).some((label) => label.startsWith('cnpg.io/')))
      .map((endpoint) => endpoint.component),
  );
  return [...providers].sort().map((component) => ({
    name: `to-${component}-instances`,
    to: [{ component, podLabels: { [POD_ROLE_LABEL]: 'instance' } }],
    ports: [STATUS_PORT, POSTGRES_PORT],
    podLabels: { ...OPERATOR_POD_LABELS },
  }));
}

/**
 * The operator's traffic beyond its namespace: the API server calls its admission webhooks (from outside any pod
 * network, so from anywhere), it talks to the API server, and to every cluster's instances. The Barman Cloud
 * plugin shares the namespace, so operator-to-plugin gRPC needs no rule.
 */
export function networkAccess(context: BuildContext<CloudnativePgConfig>): NetworkAccess {
  return {
    ingress: [{ name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: { ...OPERATOR_POD_LABELS } }],
    egress: [
      { name: 'api-server', to: 'apiServer', podLabels: { ...OPERATOR_POD_LABELS } },
      ...instanceEgress(context),
    ],
  };
}
