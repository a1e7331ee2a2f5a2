import { type ConfigChecks, isDnsSubdomain } from '@platform/core';
import type { AlloyConfig, RemoteTarget } from './config.js';

const STORES = ['metricsStore', 'logsStore', 'tracesStore'] as const;
const TARGET_FIELDS = ['name', 'url', 'tenant', 'basicAuth', 'bearerTokenSecret', 'headers'];
const INLINE_SECRETS = ['password', 'bearerToken', 'token', 'apiKey'];

function checkSecretRef(checks: ConfigChecks, path: string, ref: unknown): void {
  const secret = ref as { name?: unknown; key?: unknown } | undefined;
  checks.require(
    typeof secret?.name === 'string' && isDnsSubdomain(secret.name),
    `${path}.name`,
    "expected the name of a Secret in Alloy's namespace",
  );
  checks.require(
    typeof secret?.key === 'string' && /^[-._a-zA-Z0-9]+$/.test(secret.key),
    `${path}.key`,
    'expected a key of that Secret',
  );
}

/**
 * Remote targets come from lists, whose items the config schema does not check, so each is checked here:
 * known fields only, credentials only by Secret reference, one way to authenticate.
 */
function checkTargets(checks: ConfigChecks, path: string, targets: RemoteTarget[]): void {
  const names = new Set<string>();
  targets.forEach((target, index) => {
    const at = `${path}[${index}]`;
    for (const key of Object.keys(target)) {
      if (INLINE_SECRETS.includes(key)) {
        checks.require(
          false,
          `${at}.${key}`,
          'credentials are never written in configuration: put them in a Secret and use basicAuth.passwordSecret or bearerTokenSecret',
        );
      } else {
        checks.require(
          TARGET_FIELDS.includes(key),
          `${at}.${key}`,
          `unknown field; known fields: ${TARGET_FIELDS.join(', ')}`,
        );
      }
    }
    if (typeof target.name === 'string') {
      checks.dnsLabel(`${at}.name`, target.name);
      checks.require(!names.has(target.name), `${at}.name`, `two targets are named "${target.name}"`);
      names.add(target.name);
    } else {
      checks.require(false, `${at}.name`, 'a name is required');
    }
    checks.url(`${at}.url`, String(target.url));
    if (target.basicAuth !== undefined) {
      const basic = target.basicAuth as unknown as Record<string, unknown>;
      if ('password' in basic)
        checks.require(
          false,
          `${at}.basicAuth.password`,
          'credentials are never written in configuration: put the password in a Secret and use basicAuth.passwordSecret',
        );
      checks.require(
        typeof basic.username === 'string' && basic.username.length > 0,
        `${at}.basicAuth.username`,
        'a user name is required',
      );
      checkSecretRef(checks, `${at}.basicAuth.passwordSecret`, basic.passwordSecret);
    }
    if (target.bearerTokenSecret !== undefined)
      checkSecretRef(checks, `${at}.bearerTokenSecret`, target.bearerTokenSecret);
    checks.require(
      !(target.basicAuth && target.bearerTokenSecret),
      at,
      'use either basicAuth or bearerTokenSecret, not both',
    );
  });
}

/** Semantic checks of an Alloy configuration. */
export function checkConfig(config: AlloyConfig, checks: ConfigChecks): void {
  checks.require(config.image.length > 0, 'image', 'an image is required');
  config.require.forEach((capability, index) => checks.oneOf(`require[${index}]`, capability, STORES));
  checks.duration('metrics.scrapeInterval', config.metrics.scrapeInterval);
  checks.resources('resources', config.resources);
  config.otlp.allowedNamespaces.forEach((namespace, index) =>
    checks.dnsLabel(`otlp.allowedNamespaces[${index}]`, namespace),
  );
  checkTargets(checks, 'extraMetricsTargets', config.extraMetricsTargets);
  checkTargets(checks, 'extraLogsTargets', config.extraLogsTargets);
}
