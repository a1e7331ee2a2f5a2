import type { TrustBundle } from '@platform/core';
import { trustBundle } from '@platform/core';
import { renderError, renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { evaluate } from './cel.test-helpers.js';
import { kyverno } from './index.js';
import type { IMutatingPolicy } from './kinds.js';
import { trustBundleExpression } from './trust-bundle-policy.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are loose JSON that the tests break field by field.
type Loose = any;

const bundle: TrustBundle = {
  component: 'trust-manager',
  namespace: 'cert-manager',
  configMap: 'platform-trust-bundle',
  key: 'ca-certificates.crt',
  namespaceLabel: { key: 'trust.platform.dev/bundle', value: 'platform' },
};
const trustManager = () => stubComponent('trust-manager', { trustBundle: bundle }).inTier('operators');

type Named = { name: string; [key: string]: unknown };
type Container = Named & { env?: Named[]; volumeMounts?: Array<{ mountPath: string }> };

/**
 * The apply configuration as plain CEL maps: `Object.x.y{field: v}` becomes `{"field": v}` (cel-js has no typed
 * object construction; the field names are the schema's), for evaluation in the test.
 */
function asMaps(expression: string): string {
  return expression.replace(/Object(\.[A-Za-z]+)*\{/g, '{').replace(/([{,\s])([A-Za-z]+):/g, '$1"$2":');
}

/** Merges an apply configuration into a pod like server-side apply: lists of named items by name, mounts by path. */
function apply(pod: Loose, patch: Loose): Loose {
  const byKey = (key: string, into: Loose[] = [], from: Loose[] = [], merge: (a: Loose, b: Loose) => Loose) => {
    const result = [...into];
    for (const item of from) {
      const at = result.findIndex((x) => x[key] === item[key]);
      if (at === -1) result.push(item);
      else result[at] = merge(result[at], item);
    }
    return result;
  };
  const container = (a: Container, b: Container): Container => ({
    ...a,
    ...(b.env ? { env: byKey('name', a.env, b.env, (_x, y) => y) } : {}),
    ...(b.volumeMounts ? { volumeMounts: byKey('mountPath', a.volumeMounts, b.volumeMounts, (_x, y) => y) } : {}),
  });
  const spec = { ...pod.spec, volumes: byKey('name', pod.spec.volumes, patch.spec.volumes, (_x, y) => y) };
  for (const field of ['containers', 'initContainers'] as const)
    if (patch.spec[field]) spec[field] = byKey('name', pod.spec[field], patch.spec[field], container);
  return { ...pod, spec };
}

function mutate(pod: unknown, expression = trustBundleExpression(trustBundle(bundle))): Loose {
  return apply(pod, evaluate(asMaps(expression), pod));
}

const pod = (withInit: boolean) => ({
  metadata: { name: 'app' },
  spec: {
    ...(withInit
      ? {
          initContainers: [
            { name: 'fetch', image: 'curl:8', env: [{ name: 'SSL_CERT_FILE', value: '/elsewhere.pem' }] },
          ],
        }
      : {}),
    containers: [
      { name: 'app', image: 'app:1', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
      { name: 'probe', image: 'prober:1', env: [{ name: 'TARGET', value: 'https://app:8443' }] },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
});

describe('trust-bundle mutation', () => {
  it('mounts the bundle into every container, init and probe containers included, and points SSL_CERT_FILE at it', () => {
    const mutated = mutate(pod(true));
    expect(mutated.spec.volumes).toEqual([
      { name: 'data', emptyDir: {} },
      {
        name: 'platform-trust-bundle',
        configMap: {
          name: 'platform-trust-bundle',
          items: [{ key: 'ca-certificates.crt', path: 'ca-certificates.crt' }],
        },
      },
    ]);
    for (const c of [...mutated.spec.containers, ...mutated.spec.initContainers]) {
      expect(c.volumeMounts).toContainEqual({
        name: 'platform-trust-bundle',
        mountPath: '/etc/platform-trust',
        readOnly: true,
      });
      expect(c.env).toContainEqual({ name: 'SSL_CERT_FILE', value: '/etc/platform-trust/ca-certificates.crt' });
    }
    // What the pod had stays; ours wins over a container's own SSL_CERT_FILE.
    expect(mutated.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
    expect(mutated.spec.containers[1].env).toContainEqual({ name: 'TARGET', value: 'https://app:8443' });
    expect(mutated.spec.initContainers[0].env).toEqual([
      { name: 'SSL_CERT_FILE', value: '/etc/platform-trust/ca-certificates.crt' },
    ]);
  });

  it('adds no init containers to a pod without them, and changes nothing the second time', () => {
    const once = mutate(pod(false));
    expect(once.spec.initContainers).toBeUndefined();
    expect(mutate(once)).toEqual(once);
  });

  it('uses the mount path and variables given', () => {
    const expression = trustBundleExpression(
      trustBundle(bundle, { mountPath: '/etc/ssl/platform', env: ['SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS'] }),
    );
    const c = mutate(pod(false), expression).spec.containers[0];
    expect(c.env.map((e: Named) => e.name)).toEqual(['SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS']);
    expect(c.volumeMounts).toContainEqual({
      name: 'platform-trust-bundle',
      mountPath: '/etc/ssl/platform',
      readOnly: true,
    });
  });

  it("selects pods of the namespaces that receive the bundle only, never Kyverno's, and never mutates pod controllers", async () => {
    const { objects } = await renderForTest([
      trustManager(),
      kyverno({
        trustBundle: {
          podSelector: { matchLabels: { 'trust.platform.dev/inject': 'true' } },
          namespaceSelector: { matchLabels: { team: 'a' } },
        },
      }),
    ]);
    const policy = objects('kyverno').trust_bundle_mutatingpolicy as IMutatingPolicy;
    expect(policy.spec.matchConstraints).toEqual({
      resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
      namespaceSelector: {
        matchLabels: { team: 'a', 'trust.platform.dev/bundle': 'platform' },
        matchExpressions: [
          { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'kyverno'] },
        ],
      },
      objectSelector: { matchLabels: { 'trust.platform.dev/inject': 'true' } },
    });
    expect(policy.spec).toMatchObject({
      autogen: { podControllers: { controllers: [] } },
      reinvocationPolicy: 'IfNeeded',
      failurePolicy: 'Ignore',
    });
  });

  it('needs the trust bundle, unless turned off', async () => {
    expect(await renderError([kyverno()])).toContain('trustBundle');
    const { objects } = await renderForTest([kyverno({ trustBundle: { enabled: false } })]);
    expect(objects('kyverno').trust_bundle_mutatingpolicy).toBeUndefined();
  });
});
