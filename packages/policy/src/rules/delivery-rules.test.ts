import {
  firstSyncShareRule,
  type IConfigMap,
  type IDaemonSet,
  type IDeployment,
  SYNC_OPTIONS,
  SYNC_WAVE,
} from '@platform/core';
import { describe, expect, it } from 'vitest';
import { edited, findingsOf, objectOf, render, web } from '../test/fixtures.js';

const big: IConfigMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'dashboards' },
  data: { 'big.json': 'x'.repeat(300_000) },
};

function withoutSyncOptions(objects: Parameters<Parameters<typeof edited>[1]>[0]): IConfigMap {
  const object = objectOf<IConfigMap>(objects, 'web', 'dashboards_configmap');
  delete object.metadata!.annotations![SYNC_OPTIONS];
  return object;
}

/** The bytes of annotations client-side apply would need: the object as JSON under the last-applied key, plus existing annotations. */
function annotationBytes(object: IConfigMap): number {
  const existing = Object.entries(object.metadata?.annotations ?? {}).reduce(
    (sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  );
  return (
    Buffer.byteLength(JSON.stringify(object)) +
    Buffer.byteLength('kubectl.kubernetes.io/last-applied-configuration') +
    existing
  );
}

describe('argocd.server-side-apply', () => {
  it('passes a large object the renderer marked for server-side apply, and one whose Application applies server-side', async () => {
    expect(
      findingsOf(await render([web().addObjects({ dashboards_configmap: big })]), 'argocd.server-side-apply'),
    ).toEqual([]);
    const applicationWide = edited(
      await render([web().addObjects({ dashboards_configmap: big }).withSync({ serverSideApply: true })]),
      withoutSyncOptions,
    );
    expect(findingsOf(applicationWide, 'argocd.server-side-apply')).toEqual([]);
  });

  it("reports a large object applied client-side, also when it opts out of its Application's server-side apply", async () => {
    let size = 0;
    const clientSide = edited(await render([web().addObjects({ dashboards_configmap: big })]), (objects) => {
      size = annotationBytes(withoutSyncOptions(objects));
    });
    const expected = (bytes: number) => [
      {
        rule: 'argocd.server-side-apply',
        severity: 'error',
        environment: 'test',
        component: 'web',
        object: 'ConfigMap/web/dashboards',
        path: `metadata.annotations["${SYNC_OPTIONS}"]`,
        message: `ConfigMap "dashboards" needs ${bytes} bytes of annotations under client-side apply, more than Kubernetes' limit of 262144; apply it server-side (${SYNC_OPTIONS}: ServerSideApply=true, or serverSideApply in the component's sync settings)`,
      },
    ];
    expect(size).toBeGreaterThan(262144);
    expect(findingsOf(clientSide, 'argocd.server-side-apply')).toEqual(expected(size));

    const optedOut = edited(
      await render([web().addObjects({ dashboards_configmap: big }).withSync({ serverSideApply: true })]),
      (objects) => {
        const object = objectOf<IConfigMap>(objects, 'web', 'dashboards_configmap');
        object.metadata!.annotations![SYNC_OPTIONS] = 'ServerSideApply=false';
        size = annotationBytes(object);
      },
    );
    expect(findingsOf(optedOut, 'argocd.server-side-apply')).toEqual(expected(size));
  });
});

describe('delivery.first-sync-share', () => {
  const defaultShare = { delivery: {} };
  const remedy =
    'order some of these components after others (.after()), or spread their workloads over first-sync stages, so that the first sync brings them up in stages';

  /** A Deployment of `replicas` pods whose object carries `annotations` (e.g. a sync wave). */
  function worker(replicas: number, annotations: Record<string, string>): IDeployment {
    const labels = { app: 'worker' };
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'worker', annotations },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'worker', image: 'nginxinc/nginx-unprivileged:1.27.3' }] },
        },
      },
    };
  }

  it('passes when every sync step starts at most 60% of the pods', async () => {
    const rendered = await render([web().inTier('platform'), web().named('other')], defaultShare);
    expect(findingsOf(rendered, 'delivery.first-sync-share')).toEqual([]);
  });

  it('reports a step that starts more than delivery.maxFirstSyncShare of all pods', async () => {
    // 3 of 5 pods start in the workloads step: exactly the default 60% is allowed, more than 50% is not.
    expect(
      findingsOf(
        await render([web({ replicas: 3 }), web().named('other').inTier('platform')], defaultShare),
        'delivery.first-sync-share',
      ),
    ).toEqual([]);
    const stricter = await render([web({ replicas: 3 }), web().named('other').inTier('platform')], {
      delivery: { maxFirstSyncShare: 0.5 },
    });
    expect(findingsOf(stricter, 'delivery.first-sync-share')).toEqual([
      {
        rule: 'delivery.first-sync-share',
        severity: 'error',
        environment: 'test',
        component: '_environment',
        path: 'delivery.maxFirstSyncShare',
        message: `sync step 2 (workloads, level 1), stage 0 (web) starts 3 of the environment's 5 pods (60%), more than delivery.maxFirstSyncShare (50%); ${remedy}`,
      },
    ]);
  });

  it('counts a DaemonSet as one pod per node, with a configurable node estimate', async () => {
    const agent: IDaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: { containers: [{ name: 'agent', image: 'grafana/alloy:v1.11.3' }] },
        },
      },
    };
    const rendered = await render(
      [web().inTier('platform'), web({ replicas: 1 }).named('agent').addObjects({ agent_daemonset: agent })],
      defaultShare,
    );
    // Default estimate: 3 nodes, so the agent step starts 1 + 3 of 6 pods (67%).
    expect(findingsOf(rendered, 'delivery.first-sync-share').map((f) => f.message)).toEqual([
      `sync step 2 (workloads, level 1), stage 0 (agent) starts 4 of the environment's 6 pods (67%), more than delivery.maxFirstSyncShare (60%); ${remedy}`,
    ]);
    // With one node: 1 + 1 of 4 pods (50%).
    expect(
      findingsOf(rendered, 'delivery.first-sync-share', { rules: [firstSyncShareRule({ daemonSetNodes: 1 })] }),
    ).toEqual([]);
  });

  it('counts the sync waves of one step as separate stages: a wave starts only once the waves before it are healthy', async () => {
    // 8 pods: web 3 and other 1 in wave 0, web's worker 3 in wave 1 of the workloads step, base 1 in the platform step.
    // Together the workloads step starts 7 of 8 pods (88%); wave by wave at most 4 (50%).
    const components = [
      web({ replicas: 3 }).addObjects({ worker_deployment: worker(3, { [SYNC_WAVE]: '1' }) }),
      web({ replicas: 1 }).named('other'),
      web({ replicas: 1 }).named('base').inTier('platform'),
    ];
    expect(findingsOf(await render(components, defaultShare), 'delivery.first-sync-share')).toEqual([]);
    // At 40% wave 0 (4 pods of two components) is over the limit, wave 1 (3 pods) is not.
    expect(
      findingsOf(await render(components, { delivery: { maxFirstSyncShare: 0.4 } }), 'delivery.first-sync-share'),
    ).toEqual([
      {
        rule: 'delivery.first-sync-share',
        severity: 'error',
        environment: 'test',
        component: '_environment',
        path: 'delivery.maxFirstSyncShare',
        message: `sync step 2 (workloads, level 1), stage 0 (other, web) starts 4 of the environment's 8 pods (50%), more than delivery.maxFirstSyncShare (40%); ${remedy}`,
      },
    ]);
  });

  it("reads a workload's wave as Argo CD does: an integer annotation, else the Helm hook weight, else wave 0", async () => {
    // web 3 pods in wave 0, its worker 3 pods in the wave under test, base 2 pods in the platform step.
    const stagesOverLimit = async (annotations: Record<string, string>) => {
      const rendered = await render(
        [
          web({ replicas: 3 }).addObjects({ worker_deployment: worker(3, annotations) }),
          web({ replicas: 2 }).named('base').inTier('platform'),
        ],
        defaultShare,
      );
      return findingsOf(rendered, 'delivery.first-sync-share').map((f) => f.message.replace(/ starts .*/, ''));
    };
    expect(await stagesOverLimit({ [SYNC_WAVE]: '+2' })).toEqual([]);
    expect(await stagesOverLimit({ 'helm.sh/hook-weight': '-1' })).toEqual([]);
    // Neither is an integer to Go's strconv.Atoi: Argo CD puts the worker in wave 0 with web, 6 of 8 pods (75%).
    expect(await stagesOverLimit({ [SYNC_WAVE]: 'later' })).toEqual([
      'sync step 2 (workloads, level 1), stage 0 (web)',
    ]);
    expect(await stagesOverLimit({ [SYNC_WAVE]: ' 1' })).toEqual(['sync step 2 (workloads, level 1), stage 0 (web)']);
  });
});
