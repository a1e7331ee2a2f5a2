import type { TrustBundle } from '@platform/core';
import { renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { findings } from './fixtures.test-helpers.js';
import { trustBundleNamespaceRule } from './index.js';

const bundle: TrustBundle = {
  component: 'trust-manager',
  namespace: 'trust-manager',
  configMap: 'platform-trust-bundle',
  key: 'ca-certificates.crt',
  namespaceLabel: { key: 'trust.platform.dev/bundle', value: 'true' },
};

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'client', namespace: 'client' },
  spec: {
    selector: { matchLabels: { app: 'client' } },
    template: {
      metadata: { labels: { app: 'client' } },
      spec: {
        containers: [{ name: 'client', image: 'client:1' }],
        volumes: [{ name: 'ca', configMap: { name: 'platform-trust-bundle' } }],
      },
    },
  },
};

describe('trust bundle namespaces', () => {
  it('fails a pod that mounts the bundle in a namespace without the label', async () => {
    const { rendered } = await renderForTest([
      stubComponent('trust-manager', { trustBundle: bundle }),
      stubComponent('client').addObjects({ client_deployment: deployment }),
    ]);
    const found = findings(trustBundleNamespaceRule, rendered);
    expect(found.map((f) => [f.component, f.path, f.message])).toEqual([
      [
        'client',
        'spec.template.spec.volumes[name=ca]',
        'mounts the trust bundle ConfigMap "platform-trust-bundle", which trust-manager writes only into namespaces labelled trust.platform.dev/bundle=true; namespace "client" is not (add trust-manager\'s trustedNamespaces() mixin to the environment)',
      ],
    ]);
  });

  it('passes it once the namespace carries the label, and ignores namespaces the environment does not render', async () => {
    const labelled = await renderForTest([
      stubComponent('trust-manager', { trustBundle: bundle }),
      stubComponent('client')
        .addObjects({ client_deployment: deployment })
        .override({ namespace: { metadata: { labels: { 'trust.platform.dev/bundle': 'true' } } } }),
    ]);
    expect(findings(trustBundleNamespaceRule, labelled.rendered)).toEqual([]);
    const external = await renderForTest([
      stubComponent('trust-manager', { trustBundle: bundle }),
      stubComponent('client').inNamespace('client', { create: false }).addObjects({ client_deployment: deployment }),
    ]);
    expect(findings(trustBundleNamespaceRule, external.rendered)).toEqual([]);
  });
});
