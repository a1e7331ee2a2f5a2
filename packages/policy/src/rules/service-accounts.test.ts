import type { IRole, IRoleBinding, IServiceAccount } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { findingsOf, render, web } from '../test/fixtures.js';

const account: IServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' } };
const role: IRole = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'web' },
  rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
};
const binding: IRoleBinding = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'web' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'web' },
  subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'web' }],
};

describe('service-accounts.automount-token', () => {
  it('passes pods that mount no token, and pods whose ServiceAccount a binding grants something', async () => {
    expect(findingsOf(await render([web()]), 'service-accounts.automount-token')).toEqual([]);
    const bound = web()
      .addObjects({ web_serviceaccount: account, web_role: role, web_rolebinding: binding })
      .override({
        web_deployment: {
          spec: { template: { spec: { serviceAccountName: 'web', automountServiceAccountToken: true } } },
        },
      });
    expect(findingsOf(await render([bound]), 'service-accounts.automount-token')).toEqual([]);
  });

  it("follows the ServiceAccount's own automountServiceAccountToken when the pod does not set it", async () => {
    const quiet = web()
      .addObjects({ web_serviceaccount: { ...account, automountServiceAccountToken: false } })
      .override({
        web_deployment: {
          spec: { template: { spec: { serviceAccountName: 'web', automountServiceAccountToken: null } } },
        },
      });
    expect(findingsOf(await render([quiet]), 'service-accounts.automount-token')).toEqual([]);
  });

  it('reports a pod that mounts a token no binding gives a use', async () => {
    const rendered = await render([
      web().override({ web_deployment: { spec: { template: { spec: { automountServiceAccountToken: null } } } } }),
    ]);
    expect(findingsOf(rendered, 'service-accounts.automount-token')).toEqual([
      {
        rule: 'service-accounts.automount-token',
        severity: 'error',
        environment: 'test',
        component: 'web',
        object: 'Deployment/web/web',
        path: 'spec.template.spec.automountServiceAccountToken',
        message:
          'the pod mounts an API token (automountServiceAccountToken is not false), but no RoleBinding or ClusterRoleBinding of the environment grants its ServiceAccount "default" anything',
      },
    ]);
  });
});
