/**
 * @platform/istio-csr: cert-manager's istio-csr (upstream chart) as Istio's certificate authority, so every
 * workload certificate and istiod's own chain to the internal root: a mesh CA intermediate issued by cert-manager
 * in Istio's namespace signs them, and istio-csr distributes the platform's trust bundle (not the issuer's chain)
 * as Istio's root, so rotating the intermediate is invisible to workloads.
 */
import { defineComponent, formatDuration, trustBundle } from '@platform/core';
import { type DeclaredCertificate, goSeconds } from '@platform/pki';
import { alerts } from './alerts.js';
import { meshCertificateAuthority } from './capability.js';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { meshCa } from './mesh-ca.js';
import { networkAccess } from './network.js';
import { chartValues } from './values.js';

export type { MeshCertificateAuthority } from './capability.js';
export {
  APP_NAME,
  CHART,
  ISTIOD_TLS_SECRET,
  POD_LABELS,
  RELEASE_NAME,
  ROOT_CONFIGMAP,
  SERVICE_PORT,
  SERVING_PORT,
} from './chart.js';
export type { IssuerRefConfig, IstioCsrConfig, MeshCaConfig, ResourceRequirements } from './config.js';
export { defaults } from './config.js';
export type { IstioCsrValues } from './values.js';

/** Where istio-csr mounts the trust bundle for `--root-ca-file`. */
const TRUST_MOUNT = '/var/run/secrets/istio-csr/trust';

/**
 * istio-csr (tier `operators`, namespace `istio-csr`), after cert-manager, trust-manager and istio-base; istiod
 * must come after it (`.after('istio-csr')`). Provides `meshCertificateAuthority` and declares the lifetimes of
 * the certificates its chart and server make, for the certificate calendar.
 *
 * ```ts
 * istioCsr({ meshCA: { duration: '8760h' } })
 * ```
 */
export const istioCsr = defineComponent({
  name: 'istio-csr',
  tier: 'operators',
  defaults,
  check: checkConfig,
  dependsOn: ({ config }) => [config.after.certManager, config.after.trustManager, config.after.istioBase],
  provides: (context) => {
    const { name, namespace, config } = context;
    const declared = (label: string, duration: string, renewBefore: string): DeclaredCertificate => ({
      component: name,
      namespace,
      name: label,
      role: 'leaf',
      duration,
      renewBefore,
      rotation: 'automatic',
      issuer: `Issuer ${config.meshCA.name}`,
    });
    return {
      meshCertificateAuthority: meshCertificateAuthority(context),
      certificateLifetime: [
        // Istio's agent renews at half the lifetime (SECRET_GRACE_PERIOD_RATIO 0.5).
        declared(
          'Istio workload certificates',
          config.maxWorkloadCertificateDuration,
          formatDuration((goSeconds(config.maxWorkloadCertificateDuration) ?? 0) / 2),
        ),
        declared(
          `istiod serving certificate (chart Certificate ${config.istioNamespace}/istiod)`,
          config.istiodCertificate.duration,
          config.istiodCertificate.renewBefore,
        ),
      ],
    };
  },
  build: (context) => ({
    ...meshCa(context),
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => {
    const trust = trustBundle(
      context.peers.require('trustBundle', "istio-csr distributes the platform's roots to the mesh"),
      {
        mountPath: TRUST_MOUNT,
        env: [],
      },
    );
    return { ...CHART, releaseName: RELEASE_NAME, values: chartValues(context, trust) };
  },
  network: networkAccess,
});
