import { type KubeObject, type Peers, standardLabels } from '@platform/core';
import { basicAuthExternalSecret } from './credentials.js';
import type { IDatabase, IDatabaseRole } from './kinds.js';
import { storedRoleSecret } from './names.js';
import type { DatabaseDeclaration, PostgresConfig, RoleDeclaration } from './postgres-config.js';

/** Object keys use `_`; object names are DNS labels, so a PostgreSQL name's `_` becomes `-` there. */
const key = (name: string) => name.replace(/[^a-z0-9]/g, '_');
const dns = (name: string) => name.replace(/_/g, '-');

function databaseObject(cluster: string, namespace: string, component: string, db: DatabaseDeclaration): IDatabase {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Database',
    metadata: { name: `${cluster}-${dns(db.name)}`, namespace, labels: standardLabels(component, 'database') },
    spec: {
      cluster: { name: cluster },
      name: db.name,
      owner: db.owner,
      databaseReclaimPolicy: db.reclaimPolicy ?? 'retain',
      ...(db.extensions?.length ? { extensions: db.extensions.map((name) => ({ name })) } : {}),
    },
  };
}

function roleObject(cluster: string, namespace: string, component: string, role: RoleDeclaration): IDatabaseRole {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'DatabaseRole',
    metadata: { name: `${cluster}-${dns(role.name)}`, namespace, labels: standardLabels(component, 'role') },
    spec: {
      cluster: { name: cluster },
      name: role.name,
      login: role.login ?? true,
      connectionLimit: role.connectionLimit ?? -1,
      databaseRoleReclaimPolicy: role.reclaimPolicy ?? 'retain',
      ...(role.inRoles?.length ? { inRoles: [...role.inRoles] } : {}),
      ...(role.password ? { passwordSecret: { name: storedRoleSecret(cluster, role.name) } } : {}),
    },
  };
}

/**
 * Databases and roles as typed declarations: one `Database` per database and one `DatabaseRole` per role (the
 * object CloudNativePG 1.30 recommends over the Cluster's inline `managed.roles`), with an ExternalSecret for
 * each role password from the store. All of them must live in the cluster's namespace (docs/src/
 * declarative_role_management.md).
 */
export function declarations(
  cluster: string,
  namespace: string,
  component: string,
  config: PostgresConfig,
  peers: Peers,
): Record<string, KubeObject> {
  const objects: Record<string, KubeObject> = {};
  for (const db of config.databases) {
    objects[`${key(db.name)}_database`] = databaseObject(cluster, namespace, component, db);
  }
  for (const role of config.roles) {
    objects[`${key(role.name)}_databaserole`] = roleObject(cluster, namespace, component, role);
    if (role.password) {
      objects[`${key(role.name)}_password_externalsecret`] = basicAuthExternalSecret(
        {
          name: storedRoleSecret(cluster, role.name),
          namespace,
          component,
          username: role.name,
          password: role.password,
        },
        peers,
      );
    }
  }
  return objects;
}
