import { type BuildContext, PlatformError } from '@platform/core';
import type { MetricsServerConfig } from './config.js';

/**
 * The ClusterIssuer that signs metrics-server's serving certificate with `tls: 'cert-manager'` (undefined for
 * `self-signed`): the environment's `certificateIssuer`. The chart's Certificate names its issuer with group
 * `cert-manager.io` and a kind of `Issuer` or `ClusterIssuer` (templates/certificate.yaml:38-46), and an
 * `Issuer` would have to live in metrics-server's own namespace, so only a cert-manager ClusterIssuer fits.
 */
export function servingIssuer({ config, peers, name }: BuildContext<MetricsServerConfig>): string | undefined {
  if (config.tls === 'self-signed') return undefined;
  const { issuerRef } = peers.require(
    'certificateIssuer',
    "metrics-server's serving certificate (tls: 'cert-manager')",
  );
  if (issuerRef.group !== 'cert-manager.io' || issuerRef.kind !== 'ClusterIssuer')
    throw new PlatformError({
      component: name,
      path: 'tls',
      message: `the chart can only use a cert-manager.io ClusterIssuer, the environment's certificateIssuer is ${issuerRef.kind}.${issuerRef.group} "${issuerRef.name}": use tls: 'self-signed' or another issuer`,
    });
  return issuerRef.name;
}
