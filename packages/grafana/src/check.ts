import { type ConfigChecks, isDnsSubdomain, isHostName } from '@platform/core';
import type { GrafanaConfig, SecretKeyRef } from './config.js';
import { DASHBOARD_FILE_NAME } from './dashboards.js';

const CAPABILITIES = ['metricsStore', 'logsStore', 'tracesStore'] as const;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
/** Settings whose values are credentials; they may only refer to a file or an environment variable. */
const SECRET_SETTING = /(^|_)(password|secret|secret_key|token|api_key|private_key)$/i;
const INDIRECT_VALUE = /^\$__(file|env|vault)\{[^}]+\}$/;

function checkSecretRef(checks: ConfigChecks, path: string, ref: SecretKeyRef | undefined): void {
  checks.require(
    ref !== undefined && isDnsSubdomain(ref.name ?? ''),
    `${path}.name`,
    "expected the name of a Secret in Grafana's namespace",
  );
  checks.require(ref !== undefined && SECRET_KEY.test(ref.key ?? ''), `${path}.key`, 'expected a key of that Secret');
}

/** Semantic checks of a Grafana configuration. */
export function checkConfig(config: GrafanaConfig, checks: ConfigChecks): void {
  checks.require(config.image.length > 0, 'image', 'an image is required');
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.require(
    !(config.replicas > 1 && config.database.type === 'sqlite3'),
    'replicas',
    'more than one replica needs an external database: sqlite cannot be shared between pods; set database.type to "postgres" or "mysql" with database.host and database.passwordSecret',
  );
  config.require.forEach((capability, index) => checks.oneOf(`require[${index}]`, capability, CAPABILITIES));
  if (config.host !== undefined)
    checks.require(
      isHostName(config.host),
      'host',
      `expected a DNS name such as "grafana.example.com", got "${config.host}"`,
    );
  checks.resources('resources', config.resources);

  checks.require(
    isDnsSubdomain(config.admin.existingSecret),
    'admin.existingSecret',
    'the admin credentials come from an existing Secret: give its name',
  );
  checks.require(SECRET_KEY.test(config.admin.userKey), 'admin.userKey', 'expected a key of the admin Secret');
  checks.require(SECRET_KEY.test(config.admin.passwordKey), 'admin.passwordKey', 'expected a key of the admin Secret');
  if (config.secretKey !== undefined) checkSecretRef(checks, 'secretKey', config.secretKey);

  checks.oneOf('database.type', config.database.type, ['sqlite3', 'postgres', 'mysql'] as const);
  if (config.database.postgres !== undefined) {
    checks.require(
      config.database.type === 'postgres',
      'database.type',
      `database.postgres names a PostgreSQL database: set type to "postgres", got "${config.database.type}"`,
    );
    checks.require(
      config.database.host === '' && config.database.passwordSecret === undefined,
      'database.host',
      'database.postgres takes the host and credentials from the database component: leave host and passwordSecret unset',
    );
  } else if (config.database.type !== 'sqlite3') {
    checks.require(
      config.database.host.length > 0,
      'database.host',
      `a ${config.database.type} database needs host:port, or database.postgres naming a database of the environment`,
    );
    checkSecretRef(checks, 'database.passwordSecret', config.database.passwordSecret);
  }
  if (config.database.type === 'sqlite3') {
    checks.oneOf('storage.type', config.storage.type, ['persistentVolumeClaim', 'emptyDir'] as const);
    checks.quantity('storage.size', config.storage.size);
  }

  const oauth = config.auth.genericOAuth;
  if (oauth.enabled) {
    checks.require(oauth.clientId.length > 0, 'auth.genericOAuth.clientId', 'a client id is required');
    for (const field of ['authUrl', 'tokenUrl', 'apiUrl'] as const)
      checks.url(`auth.genericOAuth.${field}`, oauth[field], { schemes: ['https'] });
    checkSecretRef(checks, 'auth.genericOAuth.clientSecret', oauth.clientSecret);
  }

  config.plugins.forEach((plugin, index) =>
    checks.require(
      /^[a-z0-9][-a-z0-9]*@\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(plugin),
      `plugins[${index}]`,
      `expected a pinned plugin "id@version" such as "grafana-piechart-panel@1.6.4", got "${plugin}"`,
    ),
  );

  for (const file of Object.keys(config.dashboards.files)) {
    checks.require(
      DASHBOARD_FILE_NAME.test(file),
      `dashboards.files.${file}`,
      'dashboard file names must end in .json',
    );
  }

  for (const [section, values] of Object.entries(config.settings)) {
    for (const [key, value] of Object.entries(values ?? {})) {
      checks.require(
        !SECRET_SETTING.test(key) || (typeof value === 'string' && INDIRECT_VALUE.test(value)),
        `settings.${section}.${key}`,
        'credentials are never written in configuration: use a Secret (admin.existingSecret, database.passwordSecret, auth.genericOAuth.clientSecret, secretKey) or a $__file{...} reference to a mounted one',
      );
    }
  }

  checks.oneOf('route.audience', config.route.audience, ['public', 'internal'] as const);
}
