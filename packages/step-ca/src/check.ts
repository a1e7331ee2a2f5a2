import { type ConfigChecks, formatDuration } from '@platform/core';
import { goSeconds, parseCertificates } from '@platform/pki';
import type { ClaimsConfig, StepCaConfig } from './config.js';

/** How long a CA must outlive the longest certificate signed just before its rotation. */
const MARGIN = 7 * 24 * 3600;
/** How far the root certificate's real validity may be from `root.duration` (the ceremony's clock, backdating). */
const ROOT_TOLERANCE = 2 * 24 * 3600;
/** JWE compact serialization: five base64url parts (the encrypted-key part may be empty). */
const JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function lifetime(
  checks: ConfigChecks,
  path: string,
  duration: string,
  renewBefore: string,
): [number, number] | undefined {
  const d = goSeconds(duration);
  const r = goSeconds(renewBefore);
  checks.require(
    d !== undefined && d > 0,
    `${path}.duration`,
    `expected a Go duration such as "43800h", got "${duration}"`,
  );
  checks.require(
    r !== undefined,
    `${path}.renewBefore`,
    `expected a Go duration such as "2400h", got "${renewBefore}"`,
  );
  if (d === undefined || r === undefined) return undefined;
  checks.require(r < d, `${path}.renewBefore`, `must be shorter than duration (${duration}), got "${renewBefore}"`);
  return [d, r];
}

function claims(checks: ConfigChecks, path: string, c: ClaimsConfig): number | undefined {
  const [min, max, def] = [c.minTLSCertDuration, c.maxTLSCertDuration, c.defaultTLSCertDuration].map(goSeconds);
  for (const [field, value] of Object.entries(c))
    checks.require(
      goSeconds(value) !== undefined,
      `${path}.${field}`,
      `expected a Go duration such as "24h", got "${value}"`,
    );
  if (min === undefined || max === undefined || def === undefined) return undefined;
  checks.require(
    min <= def && def <= max,
    path,
    `needs minTLSCertDuration ≤ defaultTLSCertDuration ≤ maxTLSCertDuration, got ${c.minTLSCertDuration}, ${c.defaultTLSCertDuration}, ${c.maxTLSCertDuration}`,
  );
  return max;
}

function checkRoot(config: StepCaConfig, checks: ConfigChecks, duration: number | undefined): void {
  const pem = config.root.certificate.trim();
  if (pem === '') {
    checks.require(
      false,
      'root.certificate',
      "the offline root's certificate (PEM) is required; see the README's offline-root ceremony",
    );
    return;
  }
  const parsed = parseCertificates(pem);
  if (typeof parsed === 'string') {
    checks.require(false, 'root.certificate', parsed);
    return;
  }
  checks.require(parsed.length === 1, 'root.certificate', `expected one certificate, got ${parsed.length}`);
  const root = parsed[0]!;
  checks.require(
    root.isCA && root.selfSigned,
    'root.certificate',
    `${root.subject} is not a self-signed CA certificate`,
  );
  if (duration !== undefined)
    checks.require(
      Math.abs(root.lifetime - duration) <= ROOT_TOLERANCE,
      'root.duration',
      `the root certificate is valid for ${formatDuration(root.lifetime)}, not ${config.root.duration}; declare its real lifetime`,
    );
}

/** Semantic checks: the root certificate, lifetimes that nest, provisioners step-ca accepts, resources. */
export function checkConfig(config: StepCaConfig, checks: ConfigChecks): void {
  const root = lifetime(checks, 'root', config.root.duration, config.root.renewBefore);
  const intermediate = lifetime(checks, 'intermediate', config.intermediate.duration, config.intermediate.renewBefore);
  checkRoot(config, checks, root?.[0]);
  if (root && intermediate) {
    checks.require(
      root[1] >= intermediate[0] + MARGIN,
      'root.renewBefore',
      `must be at least the intermediate's lifetime plus 7 days (${formatDuration(intermediate[0] + MARGIN)}), so no intermediate made before the root's rotation outlives the root; got "${config.root.renewBefore}"`,
    );
  }
  const leaves = [claims(checks, 'issuerProvisioner.claims', config.issuerProvisioner.claims)];
  if (config.acme.enabled) leaves.push(claims(checks, 'acme.claims', config.acme.claims));
  const longest = Math.max(...leaves.filter((s): s is number => s !== undefined));
  if (intermediate && Number.isFinite(longest))
    checks.require(
      intermediate[1] >= longest + MARGIN,
      'intermediate.renewBefore',
      `must be at least the longest certificate step-ca signs (${formatDuration(longest)}) plus 7 days (${formatDuration(longest + MARGIN)}), so no certificate outlives the intermediate; got "${config.intermediate.renewBefore}"`,
    );
  const key = config.issuerProvisioner.key;
  checks.require(
    typeof key.kid === 'string' && key.kid !== '' && typeof key.kty === 'string',
    'issuerProvisioner.key',
    "the JWK provisioner's public key (with kty and kid) is required; see the README's offline-root ceremony",
  );
  checks.require(
    JWE.test(config.issuerProvisioner.encryptedKey),
    'issuerProvisioner.encryptedKey',
    'expected the JWE compact serialization of the encrypted provisioner key (five base64url parts), as the ceremony writes it',
  );
  checks.require(
    config.acme.challenges.length > 0 || !config.acme.enabled,
    'acme.challenges',
    'at least one challenge type',
  );
  for (const [index, host] of config.dnsNames.entries()) checks.hostName(`dnsNames[${index}]`, host);
  checks.dnsLabel('issuer.name', config.issuer.name);
  checks.dnsLabel('certManagerComponent', config.certManagerComponent);
  checks.quantity('storage.size', config.storage.size);
  for (const part of ['stepCa', 'stepIssuer', 'x509Exporter'] as const)
    checks.resources(`resources.${part}`, config.resources[part]);
  checks.integer('stepIssuerReplicas', config.stepIssuerReplicas, { min: 1 });
  const { warning, critical } = config.alerts.expiryDays;
  checks.integer('alerts.expiryDays.critical', critical, { min: 1 });
  checks.integer('alerts.expiryDays.warning', warning, { min: critical + 1 });
  if (intermediate)
    checks.require(
      warning * 86400 < intermediate[1],
      'alerts.expiryDays.warning',
      `must be fewer days than intermediate.renewBefore (${intermediate[1] / 86400} days), or it fires before the planned rotation; got ${warning}`,
    );
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
