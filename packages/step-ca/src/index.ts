/**
 * @platform/step-ca: an online intermediate CA under an offline root. step-ca runs as a StatefulSet with its
 * database on a volume and a `ca.json` generated from typed settings (a JWK provisioner for step-issuer, an ACME
 * provisioner); its intermediate comes from the secret store through External Secrets, never rendered; step-issuer
 * (upstream chart) and a StepClusterIssuer let cert-manager issue from it; an x509 exporter watches the root and
 * the intermediate, which nothing rotates automatically, and alerts fire 30 and 7 days before either expires.
 */
import { defineComponent } from '@platform/core';
import { pkiRules } from '@platform/pki';
import { alerts } from './alerts.js';
import { RELEASE_NAME, STEP_ISSUER_CHART } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { exporter } from './exporter.js';
import { stepClusterIssuer } from './issuer.js';
import { STEP_CA_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { provided } from './provides.js';
import { bootstrapSecrets } from './secrets.js';
import { server } from './server.js';
import { stepIssuerValues } from './step-issuer-values.js';

export { RELEASE_NAME, STEP_ISSUER_CHART, STEP_ISSUER_POD_LABELS } from './chart.js';
export type {
  AcmeConfig,
  ClaimsConfig,
  IntermediateConfig,
  IssuerProvisionerConfig,
  ResourceRequirements,
  RootConfig,
  StepCaConfig,
} from './config.js';
export { defaults } from './config.js';
export { stepIssuerRef } from './issuer.js';
export type { IStepClusterIssuer } from './kinds.js';
export { STEP_CA_KINDS } from './kinds.js';
export { caUrl, HTTPS_PORT, SERVER } from './layout.js';
export { INTERMEDIATE_NAME, ROOT_NAME } from './provides.js';
export type { StepIssuerValues } from './step-issuer-values.js';

/**
 * step-ca and step-issuer (tier `operators`, namespace `step-ca`), after cert-manager (CertificateRequests,
 * the approver) and External Secrets (the intermediate). Provides `trustAnchor` (its root, for the trust bundle),
 * `certificateLifetime` (root, intermediate, ACME leaves, for the certificate calendar) and `dashboards`.
 *
 * ```ts
 * stepCa({ root: { certificate: ROOT_PEM }, issuerProvisioner: { key: PROVISIONER_JWK, encryptedKey: PROVISIONER_JWE } })
 * ```
 */
export const stepCa = defineComponent({
  name: 'step-ca',
  tier: 'operators',
  defaults,
  check: checkConfig,
  dependsOn: ({ config, peers }) => [
    config.certManagerComponent,
    peers.require('secretStore', "step-ca's intermediate comes from the secret store").component,
  ],
  provides: provided,
  build: (context) => ({
    ...bootstrapSecrets(context),
    ...server(context),
    ...exporter(context),
    step_clusterissuer: stepClusterIssuer(context),
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => ({ ...STEP_ISSUER_CHART, releaseName: RELEASE_NAME, values: stepIssuerValues(context) }),
  network: networkAccess,
  kinds: STEP_CA_KINDS,
  rules: pkiRules,
});
