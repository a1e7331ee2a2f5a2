import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
import type { IConfigMap, IService } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { databaseStatefulSet, findingsOf, leafCertificate, render, web, webFinding } from '../test/fixtures.js';

const SPEC = 'spec.template.spec';
const finding = (rule: string, object: string, path: string | undefined, message: string, component = 'web') =>
  webFinding(rule, path, message, { object, component });

/** A web Deployment that references one object of each kind. */
const referencing = web().override({
  web_deployment: {
    spec: {
      template: {
        spec: {
          serviceAccountName: 'web',
          volumes: [
            { name: 'config', configMap: { name: 'web-config' } },
            { name: 'tls', secret: { secretName: 'web-tls' } },
            { name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } },
            {
              name: 'ca',
              projected: {
                sources: [
                  { configMap: { name: 'kube-root-ca.crt' } },
                  { secret: { name: 'optional', optional: true } },
                ],
              },
            },
          ],
          containers: [
            {
              name: 'web',
              env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
              envFrom: [{ configMapRef: { name: 'web-env' } }],
            },
          ],
        },
      },
    },
  },
});

const config = (name: string): IConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { a: 'b' },
});
const externalSecret: IExternalSecret = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'db' },
  spec: {
    refreshInterval: '1h',
    secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
    data: [{ secretKey: 'password', remoteRef: { key: 'db/password' } }],
  },
};
const certificate = leafCertificate('web');
const database = databaseStatefulSet({
  volumeClaimTemplates: [
    {
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
  ],
});

describe('references.missing-object', () => {
  it('passes references to rendered, produced, implicit, optional and external objects', async () => {
    const rendered = await render(
      [
        referencing.addObjects({
          config_configmap: config('web-config'),
          env_configmap: config('web-env'),
          db_externalsecret: externalSecret,
          web_certificate: certificate,
          db_statefulset: database,
        }),
      ],
      { external: ['Namespace//argocd', 'ServiceAccount/web/web'] },
    );
    expect(findingsOf(rendered, 'references.missing-object')).toEqual([]);
  });

  it('reports every reference to an object that will not exist', async () => {
    const rendered = await render([referencing]);
    expect(findingsOf(rendered, 'references.missing-object')).toEqual([
      finding(
        'references.missing-object',
        'Deployment/web/web',
        `${SPEC}.containers[name=web].envFrom[0].configMapRef.name`,
        'container "web" references ConfigMap "web-env", which no component renders in namespace "web" and environment.external does not declare as "ConfigMap/web/web-env"',
      ),
      finding(
        'references.missing-object',
        'Deployment/web/web',
        `${SPEC}.containers[name=web].env[name=DB_PASSWORD].valueFrom.secretKeyRef.name`,
        'container "web" (env DB_PASSWORD) references Secret "db", which no component renders in namespace "web", nothing rendered there creates it (an ExternalSecret, a Certificate, an operator\'s resource), and environment.external does not declare as "Secret/web/db"',
      ),
      finding(
        'references.missing-object',
        'Deployment/web/web',
        `${SPEC}.serviceAccountName`,
        'the pod references ServiceAccount "web", which no component renders in namespace "web" and environment.external does not declare as "ServiceAccount/web/web"',
      ),
      finding(
        'references.missing-object',
        'Deployment/web/web',
        `${SPEC}.volumes[name=config].configMap.name`,
        'volume "config" references ConfigMap "web-config", which no component renders in namespace "web" and environment.external does not declare as "ConfigMap/web/web-config"',
      ),
      finding(
        'references.missing-object',
        'Deployment/web/web',
        `${SPEC}.volumes[name=data].persistentVolumeClaim.claimName`,
        'volume "data" references PersistentVolumeClaim "data-db-0", which no component renders in namespace "web" and environment.external does not declare as "PersistentVolumeClaim/web/data-db-0"',
      ),
      finding(
        'references.missing-object',
        'Deployment/web/web',
        `${SPEC}.volumes[name=tls].secret.secretName`,
        'volume "tls" references Secret "web-tls", which no component renders in namespace "web", nothing rendered there creates it (an ExternalSecret, a Certificate, an operator\'s resource), and environment.external does not declare as "Secret/web/web-tls"',
      ),
    ]);
  });
});

describe('references.service-selector', () => {
  it('passes a Service that selects a pod template of its namespace', async () => {
    expect(findingsOf(await render([web()]), 'references.service-selector')).toEqual([]);
  });

  it('reports a Service whose selector matches no pod template', async () => {
    const orphan: IService = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api' },
      spec: { selector: { 'app.kubernetes.io/name': 'api' }, ports: [{ name: 'http', port: 80 }] },
    };
    expect(
      findingsOf(await render([web().addObjects({ api_service: orphan })]), 'references.service-selector'),
    ).toEqual([
      finding(
        'references.service-selector',
        'Service/web/api',
        'spec.selector',
        'Service "api" selects app.kubernetes.io/name=api, which matches no pod template in namespace "web"',
      ),
    ]);
  });
});

describe('references.duplicate-object', () => {
  it('passes objects of the same name in different namespaces', async () => {
    expect(findingsOf(await render([web(), web().named('other')]), 'references.duplicate-object')).toEqual([]);
  });

  it('reports an object two components render', async () => {
    const shared = { ...config('shared'), metadata: { name: 'shared', namespace: 'web' } };
    const rendered = await render([
      web().addObjects({ shared_configmap: shared }),
      web().named('other').addObjects({ shared_configmap: shared }),
    ]);
    expect(findingsOf(rendered, 'references.duplicate-object')).toEqual([
      finding(
        'references.duplicate-object',
        'ConfigMap/web/shared',
        undefined,
        'ConfigMap "shared" is also rendered by component "other" (as "shared_configmap"); render it in one component only',
      ),
    ]);
  });
});
