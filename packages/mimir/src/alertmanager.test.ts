import { alertRouting } from '@platform/alert-routing';
import type { IStatefulSet } from '@platform/core';
import { parseYaml, renderForTest, stubComponent } from '@platform/core/testing';
import type { IExternalSecret } from '@platform/external-secrets';
import { describe, expect, it } from 'vitest';
import { mimir } from './index.js';

const routing = alertRouting({
  pager: { provider: 'opsgenie', key: { key: 'platform/test/opsgenie', property: 'api-key' } },
  teams: {
    observability: {
      channel: '#observability-alerts',
      webhook: { key: 'platform/test/slack', property: 'observability' },
    },
  },
});
const secretStore = stubComponent('external-secrets', {
  secretStore: {
    component: 'external-secrets',
    namespace: 'external-secrets',
    storeRef: { name: 'platform-vault', kind: 'ClusterSecretStore' },
  },
});
const clusterApis = [
  ...['ServiceMonitor', 'PodMonitor', 'PrometheusRule'].map((kind) => ({ group: 'monitoring.coreos.com', kind })),
  { group: 'external-secrets.io', kind: 'ExternalSecret' },
];

function fallbackVolume(objects: Record<string, unknown>) {
  const set = objects.alertmanager_statefulset as IStatefulSet;
  return set.spec!.template.spec!.volumes!.find((v) => v.name === 'fallback-config');
}

describe("Mimir's Alertmanager and the environment's alert routing", () => {
  it('runs the routing plan as its fallback configuration, from a Secret External Secrets renders', async () => {
    const { objects } = await renderForTest([secretStore, routing, mimir()], { clusterApis });
    const rendered = objects('mimir');
    expect(rendered.alertmanager_fallback_configmap).toBeUndefined();
    expect(fallbackVolume(rendered)).toEqual({
      name: 'fallback-config',
      secret: { secretName: 'alertmanager-fallback-config' },
    });
    const secret = rendered.alertmanager_fallback_externalsecret as IExternalSecret;
    expect(secret.spec!.secretStoreRef).toEqual({ name: 'platform-vault', kind: 'ClusterSecretStore' });
    const template = secret.spec!.target!.template!.data!['alertmanager_fallback_config.yaml']!;
    expect(template).toContain('api_key: {{ .pager | quote }}');
    // Outside its template actions, the file is the routing: critical to the pager, the team to its channel.
    const file = parseYaml(
      template.replace(/\{\{ "(\{\{|\}\})" \}\}/g, '$1').replace(/\{\{ \.\w+ \| quote \}\}/g, '"<key>"'),
    ) as {
      route: { routes: Array<{ receiver: string; matchers: string[] }> };
    };
    expect(file.route.routes).toEqual([
      { receiver: 'on-call', matchers: ['severity="critical"'], continue: false },
      { receiver: 'team-observability', matchers: ['team="observability"'], continue: false },
    ]);
  });

  it('keeps an explicit fallbackConfig, and a silent one without routing, in a ConfigMap', async () => {
    const explicit = { route: { receiver: 'x' }, receivers: [{ name: 'x' }] };
    const withConfig = (
      await renderForTest([secretStore, routing, mimir({ alertmanager: { fallbackConfig: explicit } })], {
        clusterApis,
      })
    ).objects('mimir');
    expect(withConfig.alertmanager_fallback_externalsecret).toBeUndefined();
    expect(fallbackVolume(withConfig)).toEqual({
      name: 'fallback-config',
      configMap: { name: 'alertmanager-fallback-config' },
    });
    const without = (await renderForTest([mimir()])).objects('mimir');
    expect(without.alertmanager_fallback_configmap).toBeDefined();
    expect(without.alertmanager_fallback_externalsecret).toBeUndefined();
  });
});
