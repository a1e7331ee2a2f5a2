import { type CertificateIssuer, PlatformError, type Problem, standardLabels } from '@platform/core';
import { lifetimeProblems } from './durations.js';
import type { ICertificate } from './kinds.js';

/** A cert-manager issuer reference, as Certificates and the `certificateIssuer` capability carry it. */
export type IssuerRef = CertificateIssuer['issuerRef'];

/** Name of the ClusterIssuer that signs with the platform's root CA; see {@link caClusterIssuer}. */
export const CA_ISSUER_NAME = 'platform-ca';

/** Reference to the platform CA ClusterIssuer: what {@link certificate} uses unless told otherwise. */
export const CA_ISSUER_REF: IssuerRef = { name: CA_ISSUER_NAME, kind: 'ClusterIssuer', group: 'cert-manager.io' };

/** Default lifetime of a certificate from {@link certificate}: 90 days. */
export const DEFAULT_DURATION = '2160h';
/** Default renewal point of a certificate from {@link certificate}: 30 days before expiry. */
export const DEFAULT_RENEW_BEFORE = '720h';

/** The private key of a certificate. */
export interface PrivateKeyOptions {
  /** Default `ECDSA`. */
  algorithm?: 'ECDSA' | 'RSA' | 'Ed25519';
  /** Curve size for ECDSA (256 or 384), bits for RSA. Default 256 for ECDSA. */
  size?: number;
  /** `Always` makes a new key on every renewal. Default `Always`. */
  rotationPolicy?: 'Always' | 'Never';
}

/** What a certificate is for; everything not given follows the documented defaults. */
export interface CertificateOptions {
  /** Name of the Certificate. */
  name: string;
  /** Namespace of the Certificate and of the Secret cert-manager writes. */
  namespace: string;
  /** Secret the key pair is stored in. Default: the Certificate's name. */
  secretName?: string;
  /** DNS names (subject alternative names). At least one identity (DNS name, IP, URI or common name) is required. */
  dnsNames?: string[];
  ipAddresses?: string[];
  uris?: string[];
  commonName?: string;
  /** Lifetime, a Go duration. Default {@link DEFAULT_DURATION} (`2160h`, 90 days). */
  duration?: string;
  /** Renew this long before expiry, a Go duration. Default {@link DEFAULT_RENEW_BEFORE} (`720h`, 30 days). */
  renewBefore?: string;
  /** Issuer. Default {@link CA_ISSUER_REF}, the platform CA; prefer `ctx.peers.require('certificateIssuer', ...).issuerRef`. */
  issuerRef?: IssuerRef;
  /** Key usages, e.g. `['server auth', 'client auth']`. Default: cert-manager's (digital signature, key encipherment). */
  usages?: NonNullable<ICertificate['spec']>['usages'];
  /** Private key. Default ECDSA P-256, rotated on every renewal. */
  privateKey?: PrivateKeyOptions;
  /** Issue a CA certificate. Default false. */
  isCA?: boolean;
  /** Component the certificate belongs to (for the standard labels). Default: none. */
  component?: string;
}

/**
 * A cert-manager Certificate with an explicit lifetime (`duration`, `renewBefore`) and, unless told otherwise,
 * issued by the platform CA. Throws a PlatformError naming every problem cert-manager's webhook would reject.
 *
 * ```ts
 * certificate({ name: 'grafana-tls', namespace: ctx.namespace, dnsNames: [host],
 *               issuerRef: ctx.peers.require('certificateIssuer', 'TLS for Grafana').issuerRef })
 * ```
 */
export function certificate(options: CertificateOptions): ICertificate {
  const duration = options.duration ?? DEFAULT_DURATION;
  const renewBefore = options.renewBefore ?? DEFAULT_RENEW_BEFORE;
  const where = `Certificate/${options.name}`;
  const problems: Problem[] = lifetimeProblems(duration, renewBefore).map(([path, message]) => ({
    object: where,
    path: `spec.${path}`,
    message,
  }));
  const identities = [
    ...(options.dnsNames ?? []),
    ...(options.ipAddresses ?? []),
    ...(options.uris ?? []),
    ...(options.commonName ? [options.commonName] : []),
  ];
  if (identities.length === 0)
    problems.push({
      object: where,
      message: 'a certificate needs at least one of dnsNames, ipAddresses, uris or commonName',
    });
  if (problems.length > 0) throw new PlatformError(problems);

  const algorithm = options.privateKey?.algorithm ?? 'ECDSA';
  const size = options.privateKey?.size ?? (algorithm === 'ECDSA' ? 256 : undefined);
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      ...(options.component ? { labels: standardLabels(options.component, 'certificate') } : {}),
    },
    spec: {
      secretName: options.secretName ?? options.name,
      ...(options.commonName ? { commonName: options.commonName } : {}),
      ...(options.dnsNames?.length ? { dnsNames: options.dnsNames } : {}),
      ...(options.ipAddresses?.length ? { ipAddresses: options.ipAddresses } : {}),
      ...(options.uris?.length ? { uris: options.uris } : {}),
      ...(options.isCA ? { isCA: true } : {}),
      duration,
      renewBefore,
      privateKey: {
        algorithm,
        ...(size !== undefined ? { size } : {}),
        rotationPolicy: options.privateKey?.rotationPolicy ?? 'Always',
      },
      ...(options.usages ? { usages: options.usages } : {}),
      issuerRef: { ...(options.issuerRef ?? CA_ISSUER_REF) },
    },
  };
}
