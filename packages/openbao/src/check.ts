import type { ConfigChecks, SecretKeyRef } from '@platform/core';
import type { OpenBaoConfig } from './config.js';

/** A mount path: segments without leading or trailing slashes, e.g. `secret` or `kubernetes/prod-eu1`. */
const MOUNT_PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
/** A KV path below the mount, with `*` allowed at the end only (ACL glob). */
const READ_PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*(\/\*|\*)?$|^\*$/;
/** A name OpenBao accepts for roles and policies. */
const NAME = /^[A-Za-z0-9_-]+$/;

function secretRef(checks: ConfigChecks, path: string, ref: SecretKeyRef | undefined, what: string): void {
  checks.require(ref !== undefined, path, `name the Secret (created out of band) holding ${what}`);
  if (ref === undefined) return;
  checks.dnsLabel(`${path}.name`, ref.name);
  checks.require(/^[-._a-zA-Z0-9]+$/.test(ref.key), `${path}.key`, `"${ref.key}" is not a valid Secret key`);
}

function oneOf(checks: ConfigChecks, path: string, value: string, allowed: readonly string[]): void {
  checks.require(
    allowed.includes(value),
    path,
    `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value)}`,
  );
}

function checkUnseal(config: OpenBaoConfig, checks: ConfigChecks): void {
  const { unseal } = config;
  oneOf(checks, 'unseal.type', unseal.type, ['shamir', 'transit', 'static', 'awskms']);
  const needs = (present: boolean): boolean => {
    checks.require(present, `unseal.${unseal.type}`, `unseal.type is "${unseal.type}": set unseal.${unseal.type}`);
    return present;
  };
  if (unseal.type === 'transit') {
    if (!needs(unseal.transit !== undefined)) return;
    checks.url('unseal.transit.address', unseal.transit!.address, { schemes: ['https', 'http'] });
    checks.require(NAME.test(unseal.transit!.keyName ?? ''), 'unseal.transit.keyName', 'name the Transit key');
    secretRef(checks, 'unseal.transit.tokenSecret', unseal.transit!.tokenSecret, 'the Transit token');
    if (unseal.transit!.caSecret) secretRef(checks, 'unseal.transit.caSecret', unseal.transit!.caSecret, 'the CA');
  } else if (unseal.type === 'static') {
    if (!needs(unseal.static !== undefined)) return;
    secretRef(checks, 'unseal.static.keySecret', unseal.static!.keySecret, 'the 32-byte key');
    checks.require((unseal.static!.keyId ?? '').trim() !== '', 'unseal.static.keyId', 'give the key a permanent id');
    const previous = unseal.static!.previous;
    if (previous) {
      secretRef(checks, 'unseal.static.previous.keySecret', previous.keySecret, 'the previous key');
      checks.require(
        previous.keyId !== unseal.static!.keyId,
        'unseal.static.previous.keyId',
        'the previous key needs its own id: OpenBao tells the keys apart by id',
      );
    }
  } else if (unseal.type === 'awskms') {
    if (!needs(unseal.awskms !== undefined)) return;
    checks.require((unseal.awskms!.region ?? '') !== '', 'unseal.awskms.region', 'name the region of the key');
    checks.require((unseal.awskms!.kmsKeyId ?? '') !== '', 'unseal.awskms.kmsKeyId', 'name the KMS key');
    if (unseal.awskms!.endpoint !== undefined)
      checks.url('unseal.awskms.endpoint', unseal.awskms!.endpoint, { schemes: ['https'] });
    if (unseal.awskms!.credentialsSecret !== undefined)
      checks.dnsLabel('unseal.awskms.credentialsSecret', unseal.awskms!.credentialsSecret);
  }
  for (const other of ['transit', 'static', 'awskms'] as const)
    if (other !== unseal.type)
      checks.require(
        unseal[other] === undefined,
        `unseal.${other}`,
        `unseal.type is "${unseal.type}"; remove the ${other} settings or switch to it`,
      );
}

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: OpenBaoConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1, max: 7 });
  checks.require(
    config.replicas === 1 || config.replicas % 2 === 1,
    'replicas',
    `Raft needs a majority of voters: an even count (${config.replicas}) tolerates no more failures than one less; use ${config.replicas - 1} or ${config.replicas + 1}`,
  );
  checks.resources('resources', config.resources);
  oneOf(checks, 'antiAffinity', config.antiAffinity, ['required', 'preferred']);
  oneOf(checks, 'logLevel', config.logLevel, ['debug', 'info', 'warn', 'error']);
  oneOf(checks, 'audit.target', config.audit.target, ['stdout', 'file']);
  checks.quantity('storage.size', config.storage.size);
  if (config.audit.target === 'file') checks.quantity('audit.storage.size', config.audit.storage.size);
  checks.duration('tls.duration', config.tls.duration, 'go');
  checks.duration('tls.renewBefore', config.tls.renewBefore, 'go');
  config.tls.extraDnsNames.forEach((host, i) => checks.hostName(`tls.extraDnsNames[${i}]`, host));
  checkUnseal(config, checks);
  checks.require(
    MOUNT_PATH.test(config.kubernetesAuth.mountPath),
    'kubernetesAuth.mountPath',
    'expected a mount path such as "kubernetes" (no leading or trailing "/")',
  );
  checks.require(
    MOUNT_PATH.test(config.kv.mountPath),
    'kv.mountPath',
    'expected a mount path such as "secret" (no leading or trailing "/")',
  );
  const eso = config.externalSecrets;
  checks.require(
    NAME.test(eso.role),
    'externalSecrets.role',
    `expected a role name (letters, digits, "-", "_"), got "${eso.role}"`,
  );
  checks.dnsLabel('externalSecrets.namespace', eso.namespace);
  checks.require(
    eso.readPaths.length > 0,
    'externalSecrets.readPaths',
    'External Secrets needs at least one path to read',
  );
  eso.readPaths.forEach((path, i) =>
    checks.require(
      READ_PATH.test(path),
      `externalSecrets.readPaths[${i}]`,
      `expected a KV path such as "platform/*" (relative to the mount, "*" only at the end), got "${path}"`,
    ),
  );
  checks.duration('externalSecrets.tokenTtl', eso.tokenTtl, 'go');
  checks.require(NAME.test(config.admin.role), 'admin.role', `expected a role name, got "${config.admin.role}"`);
  checks.dnsLabel('admin.serviceAccount', config.admin.serviceAccount);
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
