import type { BuildContext, NetworkAccess } from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import { API_PORT, serverPods } from './layout.js';
import { sealParts } from './seal.js';

/** Component name of External Secrets, whose controller reads the KV engine. */
const EXTERNAL_SECRETS = 'external-secrets';

/**
 * Cross-namespace traffic of the servers (Raft and request forwarding stay inside the namespace): clients reach
 * the API (External Secrets by default, and `clients`), the servers call the Kubernetes API (TokenReviews for
 * the auth method, their own pod labels), and an auto-unseal seal calls its KMS or Transit cluster.
 */
export function networkAccess({ config, ...context }: BuildContext<OpenBaoConfig>): NetworkAccess {
  const pods = serverPods(context);
  return {
    ingress: [
      {
        name: 'api-clients',
        from: [{ component: EXTERNAL_SECRETS }, ...config.clients],
        ports: [API_PORT],
        podLabels: pods,
      },
    ],
    egress: [
      { name: 'api-server', to: 'apiServer', podLabels: pods },
      ...sealParts(config.unseal).egress.map((rule) => ({ ...rule, podLabels: pods })),
    ],
  };
}
