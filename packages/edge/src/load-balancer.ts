import type { ConfigChecks } from '@platform/core';
import { checkCidrs } from './edge-settings.js';

/**
 * The cloud load balancer in front of an edge, typed per provider, so that a Service's annotations are chosen
 * from what the provider's controller reads instead of copied from a blog post. Sources:
 * - AWS Load Balancer Controller v2.17.1 `docs/guide/service/annotations.md` (lines 25-57: type, nlb-target-type,
 *   scheme, subnets, target-group-attributes, attributes; `load_balancing.cross_zone.enabled`, line 372;
 *   `preserve_client_ip.enabled`, line 343);
 * - GKE, https://cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer-parameters
 *   (`networking.gke.io/load-balancer-type: "Internal"`, `cloud.google.com/l4-rbs: "enabled"`);
 * - cloud-provider-azure v1.36.5 `pkg/consts/consts.go:253,257,322` (internal, internal-subnet, health probe path);
 * - MetalLB v0.16.1 `website/content/usage/_index.md:35,57` (`metallb.io/loadBalancerIPs`, `metallb.io/address-pool`).
 */
export type LoadBalancerProvider =
  /** AWS Network Load Balancer through the AWS Load Balancer Controller. */
  | {
      type: 'aws-nlb';
      /** `internet-facing` or `internal`. */
      scheme: 'internet-facing' | 'internal';
      /** `ip` sends traffic straight to pod IPs (needs the VPC CNI); `instance` through node ports. */
      targetType: 'ip' | 'instance';
      /** Spread every connection over all zones' targets. */
      crossZone: boolean;
      /** Subnet ids or names to place the load balancer in; default: the controller's discovery by tags. */
      subnets?: string[];
    }
  /** A GKE passthrough Network Load Balancer (backend-service based when external). */
  | { type: 'gcp'; internal: boolean }
  /** An Azure Standard Load Balancer. */
  | { type: 'azure'; internal: boolean; internalSubnet?: string; healthProbePath?: string }
  /** MetalLB on bare metal. */
  | { type: 'metallb'; addressPool?: string; ips?: string[] }
  /** No provider-specific annotations. */
  | { type: 'none' };

/** The Service of type LoadBalancer in front of an edge. */
export interface LoadBalancerConfig {
  /** The cloud's load balancer, whose annotations are typed per provider. Default none (no provider annotations). */
  provider: LoadBalancerProvider | undefined;
  /**
   * `Local` keeps clients' source addresses (internal routes' allow-lists depend on them) and skips a hop;
   * `Cluster` spreads over every node. Default `Local`.
   */
  externalTrafficPolicy: 'Local' | 'Cluster';
  /** Client ranges the load balancer admits at all (`loadBalancerSourceRanges`). Default `[]` (everyone). */
  sourceRanges: string[];
  /**
   * DNS name of the load balancer, published through external-dns on the Service; where routes' records need a
   * target (Traefik), they are CNAMEs to it. Default `edge.<baseDomain>`.
   */
  hostname?: string;
}

/** {@link LoadBalancerConfig}'s defaults. */
export const LOAD_BALANCER_DEFAULTS: LoadBalancerConfig = {
  provider: undefined,
  externalTrafficPolicy: 'Local',
  sourceRanges: [],
  hostname: undefined,
};

/** Checks a load balancer's configuration at `path`. */
export function checkLoadBalancer(path: string, config: LoadBalancerConfig, checks: ConfigChecks): void {
  checkLoadBalancerProvider(`${path}.provider`, config.provider, checks);
  checks.oneOf(`${path}.externalTrafficPolicy`, config.externalTrafficPolicy, ['Local', 'Cluster'] as const);
  if (config.hostname !== undefined) checks.hostName(`${path}.hostname`, config.hostname);
  checkCidrs(`${path}.sourceRanges`, config.sourceRanges, checks);
}

/** The annotations of a LoadBalancer Service for `provider`. */
export function loadBalancerAnnotations(provider: LoadBalancerProvider): Record<string, string> {
  switch (provider.type) {
    case 'aws-nlb': {
      const aws = 'service.beta.kubernetes.io/aws-load-balancer';
      return {
        [`${aws}-type`]: 'external',
        [`${aws}-nlb-target-type`]: provider.targetType,
        [`${aws}-scheme`]: provider.scheme,
        // The edge sees clients' addresses, which internal routes' allow-lists depend on.
        [`${aws}-target-group-attributes`]: 'preserve_client_ip.enabled=true',
        ...(provider.crossZone ? { [`${aws}-attributes`]: 'load_balancing.cross_zone.enabled=true' } : {}),
        ...(provider.subnets?.length ? { [`${aws}-subnets`]: provider.subnets.join(', ') } : {}),
      };
    }
    case 'gcp':
      return provider.internal
        ? { 'networking.gke.io/load-balancer-type': 'Internal' }
        : { 'cloud.google.com/l4-rbs': 'enabled' };
    case 'azure':
      return {
        ...(provider.internal ? { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } : {}),
        ...(provider.internalSubnet
          ? { 'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': provider.internalSubnet }
          : {}),
        ...(provider.healthProbePath
          ? { 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': provider.healthProbePath }
          : {}),
      };
    case 'metallb':
      return {
        ...(provider.addressPool ? { 'metallb.io/address-pool': provider.addressPool } : {}),
        ...(provider.ips?.length ? { 'metallb.io/loadBalancerIPs': provider.ips.join(',') } : {}),
      };
    case 'none':
      return {};
  }
}

/** Checks a provider's fields (the configuration merge leaves this union unchecked: each provider has its own). */
export function checkLoadBalancerProvider(
  path: string,
  provider: LoadBalancerProvider | undefined,
  checks: ConfigChecks,
): void {
  if (provider === undefined) return;
  checks.oneOf(`${path}.type`, provider.type, ['aws-nlb', 'gcp', 'azure', 'metallb', 'none'] as const);
  if (provider.type === 'aws-nlb') {
    checks.oneOf(`${path}.scheme`, provider.scheme, ['internet-facing', 'internal'] as const);
    checks.oneOf(`${path}.targetType`, provider.targetType, ['ip', 'instance'] as const);
    checks.require(
      typeof provider.crossZone === 'boolean',
      `${path}.crossZone`,
      `expected true or false, got ${JSON.stringify(provider.crossZone)}`,
    );
  }
  if (provider.type === 'gcp' || provider.type === 'azure')
    checks.require(
      typeof provider.internal === 'boolean',
      `${path}.internal`,
      `expected true or false, got ${JSON.stringify(provider.internal)}`,
    );
}
