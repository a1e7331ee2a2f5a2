import { type ConfigChecks, formatDuration } from '@platform/core';
import { goSeconds } from '@platform/pki';
import type { IstioCsrConfig } from './config.js';

/** How long the mesh CA must outlive the longest certificate it signs just before its renewal. */
const MARGIN = 7 * 24 * 3600;

function duration(checks: ConfigChecks, path: string, value: string, min = 0): number | undefined {
  const seconds = goSeconds(value);
  checks.require(
    seconds !== undefined && seconds >= min,
    path,
    `expected a Go duration${min ? ` of at least ${formatDuration(min)}` : ''} such as "1h", got "${value}"`,
  );
  return seconds;
}

/** Semantic checks: lifetimes cert-manager accepts and that nest, names, resources. */
export function checkConfig(config: IstioCsrConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.resources('resources', config.resources);
  checks.dnsLabel('meshCA.name', config.meshCA.name);
  // cert-manager rejects Certificates shorter than an hour (pkg/apis/certmanager/v1/const.go).
  const caDuration = duration(checks, 'meshCA.duration', config.meshCA.duration, 3600);
  const caRenew = duration(checks, 'meshCA.renewBefore', config.meshCA.renewBefore, 300);
  const workload = duration(checks, 'maxWorkloadCertificateDuration', config.maxWorkloadCertificateDuration);
  const istiod = duration(checks, 'istiodCertificate.duration', config.istiodCertificate.duration, 3600);
  const istiodRenew = duration(checks, 'istiodCertificate.renewBefore', config.istiodCertificate.renewBefore, 300);
  if (caDuration !== undefined && caRenew !== undefined)
    checks.require(
      caRenew < caDuration,
      'meshCA.renewBefore',
      `must be shorter than meshCA.duration (${config.meshCA.duration}), got "${config.meshCA.renewBefore}"`,
    );
  if (istiod !== undefined && istiodRenew !== undefined)
    checks.require(
      istiodRenew < istiod,
      'istiodCertificate.renewBefore',
      `must be shorter than istiodCertificate.duration (${config.istiodCertificate.duration})`,
    );
  const longest = Math.max(workload ?? 0, istiod ?? 0);
  if (caRenew !== undefined)
    checks.require(
      caRenew >= longest + MARGIN,
      'meshCA.renewBefore',
      `must be at least the longest certificate the mesh CA signs (${formatDuration(longest)}) plus 7 days, so none outlives it; got "${config.meshCA.renewBefore}"`,
    );
  checks.hostName('trustDomain', config.trustDomain);
  checks.dnsLabel('istioNamespace', config.istioNamespace);
  checks.require(
    config.revisions.length > 0,
    'revisions',
    'at least one Istio revision (`default` is the unrevisioned istiod)',
  );
  for (const [index, revision] of config.revisions.entries()) checks.dnsLabel(`revisions[${index}]`, revision);
  checks.oneOf('logLevel', config.logLevel, ['debug', 'info', 'warn', 'error'] as const);
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
