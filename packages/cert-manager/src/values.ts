import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { DEFAULT_IMAGE_REPOSITORY } from './chart.js';
import type { CertManagerConfig, ResourceRequirements } from './config.js';

/** A PodDisruptionBudget of one part (chart keys `podDisruptionBudget.*`). */
interface PdbValues {
  /** Render the PodDisruptionBudget. */
  enabled: boolean;
  /** Evict at most this many pods at once; the chart defaults to minAvailable 1 when neither is set. */
  maxUnavailable?: number;
}

/** The values of one cert-manager part (`webhook`, `cainjector`) this package sets. */
interface PartValues {
  /** Number of pods. */
  replicaCount: number;
  podDisruptionBudget: PdbValues;
  /** Container resources. */
  resources: ResourceRequirements;
}

/**
 * The subset of the cert-manager v1.21.1 chart values this package sets (chart `values.yaml`). Security contexts
 * are left to the chart: its defaults (runAsNonRoot, RuntimeDefault seccomp, no privilege escalation, all
 * capabilities dropped, read-only root file system) satisfy Pod Security "restricted".
 */
export interface CertManagerValues {
  /** Install the CRDs with the release so Argo CD upgrades them with it; keep them when the release is deleted (deleting CRDs deletes every Certificate). */
  crds: { enabled: boolean; keep: boolean };
  /** Leader-election Leases in the release namespace instead of the chart default `kube-system`, which the AppProject does not allow. */
  global: { leaderElection: { namespace: string } };
  /**
   * Registry (with path) every cert-manager image is pulled from: `<mirror>/quay.io/jetstack` behind a mirror,
   * with an empty `imageNamespace` because the namespace is in it. Both set only with a mirror.
   */
  imageRegistry?: string;
  imageNamespace?: string;
  /** Controller replicas. */
  replicaCount: number;
  /** Controller PodDisruptionBudget. */
  podDisruptionBudget: PdbValues;
  /** Controller resources. */
  resources: ResourceRequirements;
  /** Metrics Service (always) and a ServiceMonitor for controller, webhook and cainjector (when the environment renders ServiceMonitors). */
  prometheus: { enabled: boolean; servicemonitor: { enabled: boolean } };
  webhook: PartValues;
  cainjector: PartValues;
  /** The controller's ServiceAccount: the IAM role Route53 DNS-01 uses through IRSA. */
  serviceAccount?: { annotations: Record<string, string> };
  /** The post-install Job that waits for the webhook; only its resources are set. */
  startupapicheck: { resources: ResourceRequirements };
}

function pdb(enabled: boolean): PdbValues {
  return enabled ? { enabled: true, maxUnavailable: 1 } : { enabled: false };
}

/** The controller ServiceAccount's IRSA role, when Let's Encrypt answers DNS-01 through Route53 with it. */
function irsaServiceAccount({ letsEncrypt }: CertManagerConfig): Pick<CertManagerValues, 'serviceAccount'> {
  const dns = letsEncrypt.enabled ? letsEncrypt.dns01 : undefined;
  if (dns?.type !== 'route53' || dns.auth.type !== 'irsa') return {};
  return { serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': dns.auth.roleArn } } };
}

/** The chart values for a cert-manager instance, with `extraValues` deep-merged last. */
export function chartValues({ config, namespace, environment }: BuildContext<CertManagerConfig>): CertManagerValues {
  const mirror = environment.settings.imageRegistryMirror;
  const values: CertManagerValues = {
    crds: { enabled: true, keep: true },
    global: { leaderElection: { namespace } },
    ...(mirror ? { imageRegistry: mirroredImage(DEFAULT_IMAGE_REPOSITORY, mirror), imageNamespace: '' } : {}),
    replicaCount: config.replicas.controller,
    podDisruptionBudget: pdb(config.podDisruptionBudget),
    resources: config.resources.controller,
    prometheus: { enabled: true, servicemonitor: { enabled: environment.settings.serviceMonitors } },
    webhook: {
      replicaCount: config.replicas.webhook,
      podDisruptionBudget: pdb(config.podDisruptionBudget),
      resources: config.resources.webhook,
    },
    cainjector: {
      replicaCount: config.replicas.cainjector,
      podDisruptionBudget: pdb(config.podDisruptionBudget),
      resources: config.resources.cainjector,
    },
    startupapicheck: { resources: config.resources.startupapicheck },
    ...irsaServiceAccount(config),
  };
  return applyPatch<CertManagerValues>(values, config.extraValues as Patch<CertManagerValues>);
}
