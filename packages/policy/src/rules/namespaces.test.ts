import type { INetworkPolicy } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { edited, findingsOf, objectOf, render, web } from '../test/fixtures.js';

describe('namespaces.created', () => {
  it('passes namespaces that a component renders or the environment declares external', async () => {
    expect(findingsOf(await render([web()]), 'namespaces.created')).toEqual([]);
  });

  it("reports a namespace nobody creates, once per component, but not the delivery engine's own", async () => {
    // Argo CD's objects live in "argocd", which its install creates before anything is delivered.
    const rendered = await render([web().inNamespace('shared', { create: false })], { external: [] });
    expect(findingsOf(rendered, 'namespaces.created')).toEqual([
      {
        rule: 'namespaces.created',
        severity: 'error',
        environment: 'test',
        component: 'web',
        object: 'Deployment/shared/web',
        path: 'metadata.namespace',
        message:
          'namespace "shared" (used by 3 objects of this component) is not rendered by any component, is not the delivery engine\'s, and is not declared in environment.external as "Namespace//shared"',
      },
    ]);
    const flux = await render([web()], { external: [], delivery: { engine: 'flux', maxFirstSyncShare: 1 } });
    expect(flux.objects.some((o) => o.object.metadata?.namespace === 'flux-system')).toBe(true);
    expect(findingsOf(flux, 'namespaces.created')).toEqual([]);
  });
});

describe('namespaces.default-deny', () => {
  it('passes the default-deny policy the core renders in every component namespace', async () => {
    expect(findingsOf(await render([web()]), 'namespaces.default-deny')).toEqual([]);
  });

  it('reports a namespace whose deny-all policy is missing or allows something', async () => {
    const message =
      'namespace "web" has no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress, Egress], no rules)';
    const expected = [
      {
        rule: 'namespaces.default-deny',
        severity: 'error',
        environment: 'test',
        component: 'web',
        object: 'Namespace//web',
        message,
      },
    ];
    // The core renders the namespace's objects beside the component's own; override's type does not list them yet.
    const withoutDeny = web().override({ networkpolicy_default_deny: null } as Parameters<
      ReturnType<typeof web>['override']
    >[0]);
    expect(findingsOf(await render([withoutDeny]), 'namespaces.default-deny')).toEqual(expected);
    const rendered = await render([web()]);
    const leaky = edited(rendered, (objects) => {
      objectOf<INetworkPolicy>(objects, 'web', 'networkpolicy_default_deny').spec!.ingress = [
        { from: [{ podSelector: {} }] },
      ];
    });
    expect(findingsOf(leaky, 'namespaces.default-deny')).toEqual(expected);
  });
});
