import type { IClusterIssuer } from '../kinds.js';
import type { AcmeDnsProvider, AcmeHttp01 } from './config.js';
import { acmeCredential } from './credentials.js';

type Solver = NonNullable<NonNullable<IClusterIssuer['spec']['acme']>['solvers']>[number];

/** cert-manager's TSIG algorithm names (v1.21.1 `pkg/issuer/acme/dns/rfc2136/rfc2136.go:36-41`). */
const TSIG = { 'hmac-sha1': 'HMACSHA1', 'hmac-sha256': 'HMACSHA256', 'hmac-sha512': 'HMACSHA512' } as const;

/** The DNS-01 solver of a provider (cert-manager v1.21.1 ClusterIssuer CRD, `spec.acme.solvers[].dns01`). */
export function dns01Solver(provider: AcmeDnsProvider, dnsZones: string[]): Solver {
  const credential = acmeCredential(provider);
  const ref = credential ? { name: credential.secret, key: credential.key } : undefined;
  const dns01: Solver['dns01'] =
    provider.type === 'route53'
      ? {
          route53: {
            region: provider.region,
            ...(provider.hostedZoneIds?.length === 1 ? { hostedZoneID: provider.hostedZoneIds[0] } : {}),
          },
        }
      : provider.type === 'cloudflare'
        ? { cloudflare: { apiTokenSecretRef: ref! } }
        : {
            rfc2136: {
              nameserver: provider.nameserver,
              tsigKeyName: provider.tsig.keyName,
              tsigAlgorithm: TSIG[provider.tsig.algorithm],
              tsigSecretSecretRef: ref!,
            },
          };
  return { selector: { dnsZones: [...dnsZones] }, dns01 };
}

/**
 * The HTTP-01 solver: an Ingress of the edge's class, or an HTTPRoute on the Gateway (cert-manager needs its
 * Gateway API support on for that: chart value `config.gatewayAPI.enabled`, v1.21.1 `values.yaml:298-299`). Without a selector it answers every
 * name no more specific solver does.
 */
export function http01Solver(http01: AcmeHttp01): Solver {
  if ('ingressClassName' in http01) return { http01: { ingress: { ingressClassName: http01.ingressClassName } } };
  const { name, namespace, sectionName } = http01.gateway;
  return {
    http01: {
      gatewayHTTPRoute: {
        parentRefs: [
          {
            group: 'gateway.networking.k8s.io',
            kind: 'Gateway',
            name,
            namespace,
            ...(sectionName ? { sectionName } : {}),
          },
        ],
      },
    },
  };
}
