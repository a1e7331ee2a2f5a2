import { type ConfigChecks, isHostName } from '@platform/core';
import type { ExternalDnsConfig } from './config.js';

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** Semantic checks of the merged configuration, provider fields included (the merge leaves that union unchecked). */
export function checkConfig(config: ExternalDnsConfig, checks: ConfigChecks): void {
  const provider = config.provider;
  checks.require(
    provider !== undefined,
    'provider',
    "external-dns needs a DNS provider: { type: 'route53' | 'cloudflare' | 'rfc2136', ... }",
  );
  if (provider) {
    checks.oneOf('provider.type', provider.type, ['route53', 'cloudflare', 'rfc2136'] as const);
    if (provider.type === 'route53') {
      checks.require(
        AWS_REGION.test(provider.region),
        'provider.region',
        `expected an AWS region such as "eu-west-1", got "${provider.region}"`,
      );
      checks.oneOf('provider.auth.type', provider.auth?.type, ['irsa', 'pod-identity'] as const);
      if (provider.auth?.type === 'irsa')
        checks.require(
          ROLE_ARN.test(provider.auth.roleArn),
          'provider.auth.roleArn',
          `expected an IAM role ARN, got "${provider.auth.roleArn}"`,
        );
    }
    if (provider.type === 'cloudflare')
      checks.require(
        Boolean(provider.apiToken?.key),
        'provider.apiToken.key',
        'the API token comes from the secret store; name its path',
      );
    if (provider.type === 'rfc2136') {
      const [host, port] = provider.nameserver.split(/:(?=\d+$)/);
      checks.require(
        Boolean(host) && Number(port) > 0 && Number(port) < 65536,
        'provider.nameserver',
        `expected "host:port", got "${provider.nameserver}"`,
      );
      checks.hostName('provider.zone', provider.zone);
      checks.oneOf('provider.tsig.algorithm', provider.tsig.algorithm, [
        'hmac-sha1',
        'hmac-sha256',
        'hmac-sha512',
      ] as const);
      checks.require(
        Boolean(provider.tsig.secret?.key),
        'provider.tsig.secret.key',
        'the TSIG secret comes from the secret store; name its path',
      );
    }
  }
  config.domains.forEach((domain, index) =>
    checks.require(
      isHostName(domain),
      `domains[${index}]`,
      `expected a domain such as "prod.example.com", got "${domain}"`,
    ),
  );
  checks.oneOf('policy', config.policy, ['sync', 'upsert-only'] as const);
  if (config.ownerId !== undefined)
    checks.require(
      /^[a-z0-9][-a-z0-9.]*$/.test(config.ownerId),
      'ownerId',
      `expected lower-case letters, digits, "-" and ".", got "${config.ownerId}"`,
    );
  checks.duration('interval', config.interval, 'go');
  checks.oneOf('logLevel', config.logLevel, ['debug', 'info', 'warn', 'error'] as const);
  checks.resources('resources', config.resources);
  checks.integer('alerts.staleSyncMinutes', config.alerts.staleSyncMinutes, { min: 5 });
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
