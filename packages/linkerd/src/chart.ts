import { pinnedChart } from '@platform/core';
import * as cni from './cni-chart-values.generated.js';
import * as controlPlane from './control-plane-chart-values.generated.js';
import * as crds from './crds-chart-values.generated.js';
import * as viz from './viz-chart-values.generated.js';

/**
 * Linkerd's Helm repository for its open-source releases. Since 2.15 the project publishes edge releases only;
 * `version-2.20` is a tag on the commit right after `edge-26.6.3` (differing in go.mod/go.sum only), so edge-26.6.3
 * is Linkerd 2.20. The release job bumps every chart to `20YY.M.N` for tag `edge-YY.M.N`
 * (`bin/compute-edge-version:43-52`) and publishes to this repository (`.github/actions/helm-publish/action.yml`,
 * `bin/helm-build:70`).
 */
export const LINKERD_REPO = 'https://helm.linkerd.io/edge';
/** The pinned release tag: images are tagged with it (`linkerdVersion`, set by `bin/helm-build:61`). */
export const LINKERD_RELEASE = 'edge-26.6.3';
/** The charts' version for {@link LINKERD_RELEASE}. */
export const LINKERD_CHART_VERSION = '2026.6.3';

/** Chart `linkerd-crds`: Linkerd's CRDs (policy, ServiceProfile, ExternalWorkload). */
export const CRDS_CHART = pinnedChart(LINKERD_REPO, crds);

/** Chart `linkerd2-cni`: the CNI plugin that sets up each meshed pod's iptables, so pods need no NET_ADMIN. */
export const CNI_CHART = pinnedChart(LINKERD_REPO, cni);

/** Chart `linkerd-control-plane`: destination, identity, proxy injector. */
export const CONTROL_PLANE_CHART = pinnedChart(LINKERD_REPO, controlPlane);

/** Chart `linkerd-viz`: metrics API, tap, dashboard and its own Prometheus. */
export const VIZ_CHART = pinnedChart(LINKERD_REPO, viz);

/** The control plane's namespace (the charts' default, which the CLI and extensions expect). */
export const LINKERD_NAMESPACE = 'linkerd';
/** The CNI plugin's namespace. */
export const CNI_NAMESPACE = 'linkerd-cni';
/** linkerd-viz's namespace. */
export const VIZ_NAMESPACE = 'linkerd-viz';

/**
 * Ports of the control plane (linkerd-control-plane `templates/destination.yaml`, `identity.yaml`,
 * `proxy-injector.yaml` at edge-26.6.3) and of every proxy (`values.yaml:165-172`).
 */
export const PORTS = {
  /** Destination (service discovery), called by every proxy. */
  destination: 8086,
  /** Identity (certificate signing), called by every proxy. */
  identity: 8080,
  /** Policy controller (inbound/outbound policy), called by every proxy. */
  policy: 8090,
  /** Proxy injector webhook (container port; the Service's 443 targets it). */
  injector: 8443,
  /** ServiceProfile validator webhook (destination pod, `sp-validator` 8443). */
  spValidator: 8443,
  /** Policy validator webhook (destination pod, `policy-https` 9443). */
  policyValidator: 9443,
  /** The proxy's inbound port, where meshed clients connect (transport header). */
  proxyInbound: 4143,
  /** The proxy's admin port: metrics, readiness, liveness. */
  proxyAdmin: 4191,
} as const;

/** Label the chart puts on every control-plane pod (`linkerd.io/control-plane-component`). */
export const CONTROL_PLANE_COMPONENT_LABEL = 'linkerd.io/control-plane-component';
