import type { KubeObject, RenderedEnvironment, RenderedObject } from '@platform/core';
import { type Inventory, inventoryOf } from '@platform/policy';
import type { DnsSource } from '../controller.js';
import { DNS_TARGET_ANNOTATION } from '../dns.js';
import { nameCovers } from '../wildcards.js';

/** A Secret an object's TLS may present. */
export interface SecretRef {
  namespace: string;
  name: string;
}

/** A rendered object that serves hosts: which, through which external-dns source, and with which TLS Secrets. */
export interface Serving {
  rendered: RenderedObject;
  hosts: string[];
  dnsSource: DnsSource;
  /** Whether external-dns can tell the record's target (annotation or load-balancer status). */
  hasDnsTarget: boolean;
  /** The Secrets TLS for `host` may come from (a Secret another namespace does not delegate does not count). */
  tlsSecrets(host: string): SecretRef[];
}

/** The fields of the four kinds (and TLSStore, Gateway, delegations, DNSEndpoint) this module reads. */
interface EdgeSpec {
  rules?: Array<{ host?: string }>;
  tls?: Array<{ hosts?: string[]; secretName?: string }> | { secretName?: string };
  routes?: Array<{ match?: string }>;
  certificates?: Array<{ secretName: string }>;
  defaultCertificate?: { secretName: string };
  virtualhost?: { fqdn?: string; tls?: { secretName?: string } };
  delegations?: Array<{ secretName: string; targetNamespaces: string[] }>;
  hostnames?: string[];
  parentRefs?: Array<{ name: string; namespace?: string; sectionName?: string }>;
  listeners?: Array<{
    name: string;
    protocol: string;
    hostname?: string;
    tls?: { certificateRefs?: Array<{ name: string; namespace?: string; kind?: string }> };
  }>;
  endpoints?: Array<{ dnsName: string }>;
}
const specOf = (object: KubeObject): EdgeSpec => (object as { spec?: EdgeSpec }).spec ?? {};
const list = <T>(value: T[] | undefined | object): T[] => (Array.isArray(value) ? value : []);
const namespaceOf = (object: KubeObject) => object.metadata?.namespace ?? '';

/** `Host(`a`) && PathPrefix(`/`)`, `Host(`a`, `b`)`: the hosts of a Traefik rule (external-dns's own extraction). */
export function traefikHosts(match: string): string[] {
  const hosts: string[] = [];
  for (const call of match.matchAll(/(?:HostSNI|HostHeader|Host)\s*\(\s*(`.*?`)\s*\)/g))
    for (const value of call[1]!.matchAll(/`([^,`]+)`/g)) if (value[1] !== '*') hosts.push(value[1]!);
  return hosts;
}

function ingress(rendered: RenderedObject): Serving {
  const spec = specOf(rendered.object);
  const namespace = namespaceOf(rendered.object);
  return {
    rendered,
    hosts: (spec.rules ?? []).flatMap((r) => (r.host ? [r.host] : [])),
    dnsSource: 'ingress',
    hasDnsTarget: true,
    tlsSecrets: (host) =>
      list<{ hosts?: string[]; secretName?: string }>(spec.tls).flatMap((t) =>
        t.secretName && (t.hosts ?? []).some((h) => nameCovers(h, host)) ? [{ namespace, name: t.secretName }] : [],
      ),
  };
}

function ingressRoute(rendered: RenderedObject, inventory: Inventory): Serving {
  const spec = specOf(rendered.object);
  const namespace = namespaceOf(rendered.object);
  const stores = inventory.ofKind('traefik.io', 'TLSStore').filter((s) => s.object.metadata?.name === 'default');
  return {
    rendered,
    hosts: (spec.routes ?? []).flatMap((r) => traefikHosts(r.match ?? '')),
    dnsSource: 'traefik-proxy',
    hasDnsTarget: Boolean(rendered.object.metadata?.annotations?.[DNS_TARGET_ANNOTATION]),
    tlsSecrets: () => {
      const tls = spec.tls as { secretName?: string } | undefined;
      if (!tls || Array.isArray(tls)) return [];
      if (tls.secretName) return [{ namespace, name: tls.secretName }];
      // No Secret named: Traefik picks by SNI from the default TLS store.
      return stores.flatMap((store) => {
        const storeSpec = specOf(store.object);
        const ns = namespaceOf(store.object);
        return [
          ...(storeSpec.certificates ?? []).map((c) => ({ namespace: ns, name: c.secretName })),
          ...(storeSpec.defaultCertificate ? [{ namespace: ns, name: storeSpec.defaultCertificate.secretName }] : []),
        ];
      });
    },
  };
}

function httpProxy(rendered: RenderedObject, inventory: Inventory): Serving {
  const spec = specOf(rendered.object);
  const namespace = namespaceOf(rendered.object);
  const fqdn = spec.virtualhost?.fqdn;
  return {
    rendered,
    hosts: fqdn ? [fqdn] : [],
    dnsSource: 'contour-httpproxy',
    hasDnsTarget: true,
    tlsSecrets: () => {
      const secret = spec.virtualhost?.tls?.secretName;
      if (!secret) return [];
      const [ns, name] = secret.includes('/') ? secret.split('/') : [namespace, secret];
      if (ns === namespace) return [{ namespace: ns!, name: name! }];
      // Another namespace's Secret counts only when that namespace delegates it to this one.
      const delegated = inventory
        .inNamespace('projectcontour.io', 'TLSCertificateDelegation', ns!)
        .some((d) =>
          (specOf(d.object).delegations ?? []).some(
            (entry) =>
              entry.secretName === name &&
              (entry.targetNamespaces.includes(namespace) || entry.targetNamespaces.includes('*')),
          ),
        );
      return delegated ? [{ namespace: ns!, name: name! }] : [];
    },
  };
}

function httpRoute(rendered: RenderedObject, inventory: Inventory): Serving {
  const spec = specOf(rendered.object);
  const namespace = namespaceOf(rendered.object);
  return {
    rendered,
    hosts: spec.hostnames ?? [],
    dnsSource: 'gateway-httproute',
    hasDnsTarget: true,
    tlsSecrets: (host) =>
      (spec.parentRefs ?? []).flatMap((ref) => {
        const gateway = inventory.get('gateway.networking.k8s.io', 'Gateway', ref.namespace ?? namespace, ref.name);
        if (!gateway) return [];
        const gatewayNamespace = namespaceOf(gateway.object);
        return (specOf(gateway.object).listeners ?? [])
          .filter(
            (l) =>
              l.protocol === 'HTTPS' &&
              (ref.sectionName === undefined || ref.sectionName === l.name) &&
              (l.hostname === undefined || nameCovers(l.hostname, host)),
          )
          .flatMap((l) =>
            (l.tls?.certificateRefs ?? [])
              .filter((c) => (c.kind ?? 'Secret') === 'Secret')
              .map((c) => ({ namespace: c.namespace ?? gatewayNamespace, name: c.name })),
          );
      }),
  };
}

function dnsEndpoint(rendered: RenderedObject): Serving {
  const spec = specOf(rendered.object);
  return {
    rendered,
    hosts: (spec.endpoints ?? []).map((e) => e.dnsName),
    dnsSource: 'crd',
    hasDnsTarget: true,
    tlsSecrets: () => [],
  };
}

/** Every rendered object that serves hosts (or, DNSEndpoint, names them), in the four edge kinds. */
export function servingObjects(environment: RenderedEnvironment): Serving[] {
  const inventory = inventoryOf(environment);
  return [
    ...inventory.ofKind('networking.k8s.io', 'Ingress').map(ingress),
    ...inventory.ofKind('traefik.io', 'IngressRoute').map((r) => ingressRoute(r, inventory)),
    ...inventory.ofKind('projectcontour.io', 'HTTPProxy').map((r) => httpProxy(r, inventory)),
    ...inventory.ofKind('gateway.networking.k8s.io', 'HTTPRoute').map((r) => httpRoute(r, inventory)),
    ...inventory.ofKind('externaldns.k8s.io', 'DNSEndpoint').map(dnsEndpoint),
  ];
}
