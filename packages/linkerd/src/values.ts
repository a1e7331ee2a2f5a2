import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import type { LinkerdCniConfig, LinkerdConfig, LinkerdCrdsConfig } from './config.js';
import { WEBHOOKS } from './identity.js';
import { type LinkerdResources, linkerdResources } from './linkerd-resources.js';

/** Upstream image repositories (linkerd-control-plane `values.yaml:147,419,457`, linkerd2-cni `values.yaml`). */
const IMAGES = {
  controller: 'cr.l5d.io/linkerd/controller',
  proxy: 'cr.l5d.io/linkerd/proxy',
  debug: 'cr.l5d.io/linkerd/debug',
  cni: 'cr.l5d.io/linkerd/cni-plugin',
} as const;

/** The UID the chart runs proxies as (`proxy.uid`, `values.yaml:220`). */
const PROXY_UID = 2102;

/** The subset of `linkerd-crds` (2026.6.3) values this package sets. */
export interface CrdsValues {
  /** Gateway API CRDs: left to `@platform/gateway-api` (the chart's default is false too). */
  installGatewayAPI: false;
}

/** Values of `linkerd-crds`. */
export function crdsValues({ config }: BuildContext<LinkerdCrdsConfig>): CrdsValues {
  return applyPatch<CrdsValues>({ installGatewayAPI: false }, config.extraValues as Patch<CrdsValues>);
}

/** The subset of `linkerd2-cni` (2026.6.3) values this package sets. */
export interface CniValues {
  destCNINetDir: string;
  destCNIBinDir: string;
  resources: LinkerdResources;
  image?: { name: string };
}

/** Values of `linkerd2-cni`. */
export function cniValues({ config, environment }: BuildContext<LinkerdCniConfig>): CniValues {
  const mirror = environment.settings.imageRegistryMirror;
  const values: CniValues = {
    destCNINetDir: config.cniNetDir,
    destCNIBinDir: config.cniBinDir,
    resources: linkerdResources(config.resources),
    ...(mirror ? { image: { name: mirroredImage(IMAGES.cni, mirror) } } : {}),
  };
  return applyPatch<CniValues>(values, config.extraValues as Patch<CniValues>);
}

/** A webhook's values: its Secret from cert-manager, its CA injected by cainjector. */
interface WebhookValues {
  externalSecret: true;
  injectCaFrom: string;
}

/** The subset of `linkerd-control-plane` (2026.6.3) values this package sets. */
export interface ControlPlaneValues {
  clusterDomain: string;
  /** Must be set: an empty trust domain disables identity (`controller/cmd/identity/main.go:78-82`). */
  identityTrustDomain: string;
  controllerLogLevel: string;
  /** Pods get iptables from the CNI plugin: no NET_ADMIN init container, so meshed namespaces stay restricted. */
  cniEnabled: true;
  /** No anonymous usage reports to Buoyant (the heartbeat CronJob calls out of the cluster). */
  disableHeartBeat: true;
  identity: { externalCA: true; issuer: { scheme: 'kubernetes.io/tls' } };
  proxy: {
    nativeSidecar: true;
    defaultInboundPolicy: string;
    resources: LinkerdResources;
    /** Restricted Pod Security: the chart's default context drops no capabilities (`_proxy.tpl:281-297`). */
    securityContext: Record<string, unknown>;
    image?: { name: string };
  };
  policyController: { probeNetworks: string[]; resources: LinkerdResources };
  controllerReplicas: number;
  enablePodAntiAffinity: boolean;
  enablePodDisruptionBudget: boolean;
  deploymentStrategy: { rollingUpdate: { maxUnavailable: number | string; maxSurge: string } };
  webhookFailurePolicy: 'Ignore' | 'Fail';
  destinationResources: LinkerdResources;
  identityResources: LinkerdResources;
  proxyInjectorResources: LinkerdResources;
  spValidatorResources: LinkerdResources;
  heartbeatResources: LinkerdResources;
  proxyInjector: WebhookValues;
  profileValidator: WebhookValues;
  policyValidator: WebhookValues;
  podMonitor: {
    enabled: boolean;
    controller: { enabled: true };
    proxy: { enabled: true };
    serviceMirror: { enabled: false };
  };
  controllerImage?: string;
  debugContainer?: { image: { name: string } };
}

/**
 * Values of `linkerd-control-plane`, with `extraValues` deep-merged last. High availability follows the chart's
 * `values-ha.yaml` (edge-26.6.3): `enablePodDisruptionBudget`, `deploymentStrategy.rollingUpdate.maxUnavailable: 1`,
 * `enablePodAntiAffinity`, `controllerReplicas: 3`, `webhookFailurePolicy: Fail`.
 */
export function controlPlaneValues({
  namespace,
  config,
  environment,
}: BuildContext<LinkerdConfig>): ControlPlaneValues {
  const { settings } = environment;
  const mirror = settings.imageRegistryMirror;
  const ha = config.highAvailability;
  const controller = linkerdResources(config.resources.controller);
  const webhook = (service: string): WebhookValues => ({
    externalSecret: true,
    injectCaFrom: `${namespace}/${service}`,
  });
  const [injector, spValidator, policyValidator] = WEBHOOKS.map((w) => webhook(w.service)) as [
    WebhookValues,
    WebhookValues,
    WebhookValues,
  ];
  const values: ControlPlaneValues = {
    clusterDomain: settings.clusterDomain,
    identityTrustDomain: settings.clusterDomain,
    controllerLogLevel: config.logLevel,
    cniEnabled: true,
    disableHeartBeat: true,
    identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } },
    proxy: {
      nativeSidecar: true,
      defaultInboundPolicy: config.defaultInboundPolicy,
      resources: linkerdResources(config.resources.proxy),
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        runAsUser: PROXY_UID,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      ...(mirror ? { image: { name: mirroredImage(IMAGES.proxy, mirror) } } : {}),
    },
    policyController: { probeNetworks: [...config.probeNetworks], resources: controller },
    controllerReplicas: ha ? 3 : config.replicas,
    enablePodAntiAffinity: ha,
    enablePodDisruptionBudget: ha || config.replicas > 1,
    deploymentStrategy: { rollingUpdate: { maxUnavailable: ha ? 1 : '25%', maxSurge: '25%' } },
    webhookFailurePolicy: config.webhookFailurePolicy ?? (ha ? 'Fail' : 'Ignore'),
    destinationResources: controller,
    identityResources: linkerdResources(config.resources.identity),
    proxyInjectorResources: controller,
    spValidatorResources: controller,
    heartbeatResources: controller,
    proxyInjector: injector,
    profileValidator: spValidator,
    policyValidator,
    podMonitor: {
      enabled: settings.serviceMonitors,
      controller: { enabled: true },
      proxy: { enabled: true },
      serviceMirror: { enabled: false },
    },
    ...(mirror
      ? {
          controllerImage: mirroredImage(IMAGES.controller, mirror),
          debugContainer: { image: { name: mirroredImage(IMAGES.debug, mirror) } },
        }
      : {}),
  };
  return applyPatch<ControlPlaneValues>(values, config.extraValues as Patch<ControlPlaneValues>);
}
