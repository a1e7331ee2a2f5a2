import type { ComponentContext, ConfigChecks } from '@platform/core';
import {
  INBOUND_POLICIES,
  type LifetimeConfig,
  type LinkerdCniConfig,
  type LinkerdConfig,
  type LinkerdVizConfig,
  type TrustAnchorConfig,
} from './config.js';

const CIDR = /^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/;

/** Linkerd runs only as the environment's mesh: with another choice nothing would be injected. */
export function checkMeshChoice(checks: ConfigChecks, context: ComponentContext<unknown>): void {
  const mesh = context.environment.settings.mesh;
  checks.require(
    mesh === 'linkerd',
    'settings.mesh',
    `${context.name} needs the environment's mesh to be Linkerd: set settings.mesh to "linkerd" (it is "${mesh}")`,
  );
}

function checkLifetime(checks: ConfigChecks, path: string, lifetime: LifetimeConfig): void {
  checks.duration(`${path}.duration`, lifetime.duration, 'go');
  checks.duration(`${path}.renewBefore`, lifetime.renewBefore, 'go');
}

/** The anchors: at least one, distinct DNS-label names, Go durations. */
export function checkAnchors(checks: ConfigChecks, anchors: TrustAnchorConfig[]): void {
  checks.require(anchors.length > 0, 'trustAnchors', 'expected at least one trust anchor');
  const seen = new Set<string>();
  anchors.forEach((anchor, i) => {
    checks.dnsLabel(`trustAnchors[${i}].name`, anchor.name);
    checks.require(!seen.has(anchor.name), `trustAnchors[${i}].name`, `two trust anchors are named "${anchor.name}"`);
    seen.add(anchor.name);
    checkLifetime(checks, `trustAnchors[${i}]`, anchor);
  });
}

/** Semantic checks of the control plane's configuration. */
export function checkConfig(
  config: LinkerdConfig,
  checks: ConfigChecks,
  context: ComponentContext<LinkerdConfig>,
): void {
  checkMeshChoice(checks, context);
  checks.integer('replicas', config.replicas, { min: 1 });
  checkAnchors(checks, config.trustAnchors);
  checks.require(
    config.trustAnchors.some((anchor) => anchor.name === config.issuingAnchor),
    'issuingAnchor',
    `expected the name of a trust anchor (${config.trustAnchors.map((a) => a.name).join(', ')}), got "${config.issuingAnchor}"`,
  );
  checkLifetime(checks, 'identityIssuer', config.identityIssuer);
  checkLifetime(checks, 'webhookCertificates', config.webhookCertificates);
  checks.oneOf('defaultInboundPolicy', config.defaultInboundPolicy, INBOUND_POLICIES);
  config.probeNetworks.forEach((cidr, i) =>
    checks.require(CIDR.test(cidr), `probeNetworks[${i}]`, `expected a CIDR such as "10.0.0.0/8", got "${cidr}"`),
  );
  checks.resources('resources.controller', config.resources.controller);
  checks.resources('resources.identity', config.resources.identity);
  checks.resources('resources.proxy', config.resources.proxy);
}

/** Semantic checks of the CNI plugin's configuration. */
export function checkCniConfig(
  config: LinkerdCniConfig,
  checks: ConfigChecks,
  context: ComponentContext<LinkerdCniConfig>,
): void {
  checkMeshChoice(checks, context);
  checks.resources('resources', config.resources);
  for (const path of ['cniNetDir', 'cniBinDir'] as const)
    checks.require(config[path].startsWith('/'), path, `expected an absolute path, got "${config[path]}"`);
}

/** Semantic checks of linkerd-viz's configuration. */
export function checkVizConfig(
  config: LinkerdVizConfig,
  checks: ConfigChecks,
  context: ComponentContext<LinkerdVizConfig>,
): void {
  checkMeshChoice(checks, context);
  checks.integer('replicas', config.replicas, { min: 1 });
  checkLifetime(checks, 'certificates', config.certificates);
  checks.resources('resources', config.resources);
  checks.resources('prometheusResources', config.prometheusResources);
}
