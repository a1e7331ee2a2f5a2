import type { PodSelector } from '@platform/core';
import type { DnsSource } from './controller.js';

/**
 * The annotations an Ingress carries for what the Ingress API cannot say (auth, body size, source ranges):
 * `ingress-nginx` (controller-v1.15.1 `docs/user-guide/nginx-configuration/annotations.md`), or `none`, in which
 * case a route that needs any of them is a render error rather than an unprotected endpoint.
 */
export type IngressDialect = 'none' | 'ingress-nginx';

/** Configuration of the plain Kubernetes Ingress edge (`ingressEdge()`), for a controller installed elsewhere. */
export interface IngressEdgeConfig {
  /** IngressClass of the controller. Default `nginx`. */
  className: string;
  /**
   * Labels of the controller's pods, admitted to routed backends by their NetworkPolicies. Default the
   * ingress-nginx chart's controller (`app.kubernetes.io/name: ingress-nginx`, `app.kubernetes.io/instance:
   * ingress-nginx`, `app.kubernetes.io/component: controller`; chart helm-chart-4.15.1 `_helpers.tpl:147-150`).
   */
  controllerPods: PodSelector;
  /** Annotation dialect for auth, body size and source ranges. Default `none`. */
  dialect: IngressDialect;
  /** Domains with one wildcard certificate each (copied into every routed namespace). Default `[]`: the base domain. */
  wildcardDomains: string[];
  /** Client address ranges `internal` routes admit. Default `[]` (no internal routes). */
  internalSourceRanges: string[];
  /** external-dns sources that see the Ingresses. Default `['ingress']`. */
  dnsSources: DnsSource[];
}

export const defaults: IngressEdgeConfig = {
  className: 'nginx',
  controllerPods: {
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/component': 'controller',
  },
  dialect: 'none',
  wildcardDomains: [],
  internalSourceRanges: [],
  dnsSources: ['ingress'],
};
