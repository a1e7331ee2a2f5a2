import { type ConfigChecks, describeValue, isDnsLabel } from '@platform/core';
import { serverName } from './backup.js';
import type { PostgresConfig, StoredPassword } from './postgres-config.js';

/** What PostgreSQL accepts unquoted as a role or database name (and what fits in NAMEDATALEN). */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
/** Roles the operator creates and manages itself (docs/src/declarative_role_management.md). */
const RESERVED_ROLES = new Set(['postgres', 'streaming_replica', 'cnpg_pooler_pgbouncer']);
/** The plugin's retention syntax (ObjectStore CRD, `spec.retentionPolicy` pattern). */
const RETENTION = /^[1-9][0-9]*[dwm]$/;
/** RFC 3339 with an explicit zone, as the recovery docs insist (docs/src/recovery.md, "Recovery targets"). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** `<cluster>-pooler-rw` must stay a DNS label. */
const MAX_CLUSTER_NAME = 63 - '-pooler-rw'.length;

/** An image reference with an exact tag (not `latest`) or a digest. */
function pinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = (image.split('/').pop() ?? '').split(':')[1];
  return tag !== undefined && tag !== '' && tag !== 'latest';
}

function identifier(checks: ConfigChecks, path: string, value: string): void {
  checks.require(
    typeof value === 'string' && IDENTIFIER.test(value),
    path,
    `expected a PostgreSQL name (lower-case letters, digits and '_', not starting with a digit, at most 63 characters), got ${describeValue(value)}`,
  );
}

function storedPassword(checks: ConfigChecks, path: string, value: StoredPassword | undefined): void {
  if (value === undefined) return;
  checks.require(
    typeof value.key === 'string' && value.key.trim() !== '' && !value.key.startsWith('/'),
    `${path}.key`,
    `expected a path in the secret store such as "platform/prod/grafana-db", got ${describeValue(value.key)}`,
  );
}

function roleChecks(config: PostgresConfig, checks: ConfigChecks): Set<string> {
  const roles = new Set([config.owner.name]);
  config.roles.forEach((role, index) => {
    const path = `roles[${index}]`;
    identifier(checks, `${path}.name`, role.name);
    checks.require(!RESERVED_ROLES.has(role.name), `${path}.name`, `"${role.name}" is managed by the operator`);
    checks.require(!roles.has(role.name), `${path}.name`, `role "${role.name}" is declared twice (or is the owner)`);
    if (role.connectionLimit !== undefined)
      checks.integer(`${path}.connectionLimit`, role.connectionLimit, { min: -1 });
    storedPassword(checks, `${path}.password`, role.password);
    roles.add(role.name);
  });
  return roles;
}

function databaseChecks(config: PostgresConfig, checks: ConfigChecks, roles: Set<string>): void {
  const names = new Set([config.database]);
  config.databases.forEach((db, index) => {
    const path = `databases[${index}]`;
    identifier(checks, `${path}.name`, db.name);
    checks.require(
      !names.has(db.name),
      `${path}.name`,
      `database "${db.name}" is declared twice (or is the bootstrap database)`,
    );
    checks.require(
      roles.has(db.owner),
      `${path}.owner`,
      `"${db.owner}" is neither the owner (${config.owner.name}) nor a declared role`,
    );
    names.add(db.name);
  });
}

function backupChecks(cluster: string, config: PostgresConfig, checks: ConfigChecks): void {
  const { backup, recovery } = config;
  checks.require(
    typeof backup.schedule === 'string' && backup.schedule.trim().split(/\s+/).length === 6,
    'backup.schedule',
    `expected a six-field cron expression with seconds first, such as "0 0 3 * * *", got ${describeValue(backup.schedule)}`,
  );
  checks.require(
    RETENTION.test(backup.retention),
    'backup.retention',
    `expected days, weeks or months such as "30d", "4w" or "6m", got ${describeValue(backup.retention)}`,
  );
  checks.integer('backup.maxAgeHours', backup.maxAgeHours, { min: 1 });
  checks.resources('backup.sidecarResources', backup.sidecarResources);
  if (backup.serverName !== undefined) checks.dnsLabel('backup.serverName', backup.serverName);
  if (!recovery) return;
  checks.dnsLabel('recovery.serverName', recovery.serverName);
  if (recovery.targetTime !== undefined)
    checks.require(
      RFC3339.test(recovery.targetTime),
      'recovery.targetTime',
      `expected an RFC 3339 time with a zone, such as "2026-07-01T10:00:00Z", got ${describeValue(recovery.targetTime)}`,
    );
  checks.require(
    !backup.enabled || serverName(cluster, config) !== recovery.serverName,
    'backup.serverName',
    `a recovered cluster must archive under a new serverName, not "${recovery.serverName}" which it restores from (the operator refuses a non-empty archive)`,
  );
}

/** Semantic checks of a cluster's configuration; `cluster` is the Cluster's name. */
export function checkPostgres(config: PostgresConfig, checks: ConfigChecks, cluster: string): void {
  checks.require(
    isDnsLabel(cluster) && cluster.length <= MAX_CLUSTER_NAME,
    'name',
    `the cluster name must be a DNS label of at most ${MAX_CLUSTER_NAME} characters (its pooler is "<name>-pooler-rw"), got ${describeValue(cluster)}`,
  );
  checks.require(
    pinned(config.imageName),
    'imageName',
    `expected an image pinned to a tag or digest, got ${describeValue(config.imageName)}`,
  );
  checks.integer('instances', config.instances, { min: 1 });
  checks.quantity('storage.size', config.storage.size);
  if (config.walStorage) checks.quantity('walStorage.size', config.walStorage.size);
  checks.resources('resources', config.resources);
  identifier(checks, 'database', config.database);
  identifier(checks, 'owner.name', config.owner.name);
  checks.require(
    !RESERVED_ROLES.has(config.owner.name),
    'owner.name',
    `"${config.owner.name}" is managed by the operator`,
  );
  storedPassword(checks, 'owner.password', config.owner.password);
  databaseChecks(config, checks, roleChecks(config, checks));
  if (config.pooler.enabled) {
    checks.integer('pooler.instances', config.pooler.instances, { min: 1 });
    checks.resources('pooler.resources', config.pooler.resources);
  }
  backupChecks(cluster, config, checks);
  checks.require(
    config.availability.topologyKey.trim() !== '',
    'availability.topologyKey',
    'expected a node label key',
  );
  config.clients.forEach((client, index) => checks.dnsLabel(`clients[${index}]`, client));
  checks.dnsLabel('operator', config.operator);
  checks.dnsLabel('barmanPlugin', config.barmanPlugin);
  checks.integer('alerts.replicationLagSeconds', config.alerts.replicationLagSeconds, { min: 1 });
}
