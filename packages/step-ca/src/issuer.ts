import { type BuildContext, stageAnnotations, standardLabels } from '@platform/core';
import type { AnyIssuerRef } from '@platform/pki';
import type { StepCaConfig } from './config.js';
import type { IStepClusterIssuer } from './kinds/step-cluster-issuer.generated.js';
import { caUrl, PASSWORD_FILE, PROVISIONER_SECRET } from './layout.js';

/** After step-ca (stage 1) is healthy: step-issuer fetches the provisioner's key from it to mark the issuer ready. */
const ISSUER_STAGE = 2;

/** The reference cert-manager Certificates use to be issued by step-ca. */
export function stepIssuerRef(config: Pick<StepCaConfig, 'issuer'>): AnyIssuerRef {
  return { name: config.issuer.name, kind: 'StepClusterIssuer', group: 'certmanager.step.sm' };
}

/**
 * The StepClusterIssuer (CRD certmanager.step.sm/v1beta1 from step-issuer v0.12.0; the chart's CRDs are the same
 * bytes): step-ca's URL, the root it must chain to (base64 PEM, `caBundle` is `[]byte`), and the JWK provisioner
 * with the Secret holding its password.
 */
export function stepClusterIssuer(context: BuildContext<StepCaConfig>): IStepClusterIssuer {
  const { name, namespace, config } = context;
  return {
    apiVersion: 'certmanager.step.sm/v1beta1',
    kind: 'StepClusterIssuer',
    metadata: {
      name: config.issuer.name,
      labels: standardLabels(name, 'issuer'),
      annotations: stageAnnotations(ISSUER_STAGE),
    },
    spec: {
      url: caUrl(context),
      caBundle: Buffer.from(`${config.root.certificate.trim()}\n`).toString('base64'),
      provisioner: {
        name: config.issuerProvisioner.name,
        kid: config.issuerProvisioner.key.kid ?? '',
        passwordRef: { name: PROVISIONER_SECRET, namespace, key: PASSWORD_FILE },
      },
    },
  };
}
