/**
 * Behaviour the rest of the toolkit silently relies on, each asserted where it is produced: validation of what
 * schemas let through, the delivery fields that keep the first sync staged, and the placement mixins.
 */
import { describe, expect, it } from 'vitest';
import { web } from '../fixtures.test-helpers.js';
import {
  defineComponent,
  type IApplicationSet,
  type ICustomResourceDefinition,
  type IDeployment,
  type KubeObject,
  nodePlacement,
  resourceDefaults,
} from '../index.js';
import { deliveryObjects, renderError, renderForTest } from '../testing/index.js';

const crd: ICustomResourceDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'gadgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { kind: 'Gadget', plural: 'gadgets' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }],
  },
};

describe('validation of what the schemas let through', () => {
  it('reports null values, which Kubernetes drops, with their path', async () => {
    const withNull = web()
      .override({ web_deployment: { spec: { template: { spec: { priorityClassName: 'x' } } } } })
      .mixin((object) => {
        if (object.kind === 'Deployment')
          (object as unknown as { spec: { minReadySeconds: unknown } }).spec.minReadySeconds = null;
      });
    expect(await renderError([withNull])).toBe(
      'test › web › Deployment/web › spec.minReadySeconds: null is not a value Kubernetes keeps; remove the field instead',
    );
  });

  it('reports object names Kubernetes refuses', async () => {
    const badName = web().override({ web_deployment: { metadata: { name: 'Web_Server' } } });
    expect(await renderError([badName])).toBe(
      'test › web › Deployment/Web_Server › metadata.name: "Web_Server" is not a valid DNS subdomain name',
    );
    const longService = web().override({ web_service: { metadata: { name: 'a.b' } } });
    expect(await renderError([longService])).toContain('Service/a.b › metadata.name: "a.b" is not a valid DNS label');
  });

  it('reports a container without an image, which the pod schema allows', async () => {
    const noImage = web().override({
      web_deployment: { spec: { template: { spec: { containers: [{ name: 'web', image: null }] } } } },
    });
    expect(await renderError([noImage])).toBe(
      'test › web › Deployment/web › spec.template.spec.containers[name=web].image: every container needs an image',
    );
  });
});

describe('the delivery fields that keep a first sync staged', () => {
  it('applies CRDs server-side in the first sync wave of their Application, before what uses them', async () => {
    const withCrd = defineComponent({
      name: 'crds',
      tier: 'crds',
      defaults: {},
      build: () => ({ gadget_crd: crd as KubeObject }),
    });
    const { objects } = await renderForTest([withCrd()]);
    expect(objects('crds').gadget_crd!.metadata!.annotations).toEqual({
      'argocd.argoproj.io/sync-options': 'ServerSideApply=true',
      'argocd.argoproj.io/sync-wave': '-10',
    });
  });

  it('lets on-call pause one generated Application: the ApplicationSet never reverts its automated sync', async () => {
    const { rendered } = await renderForTest([web()]);
    for (const set of deliveryObjects<IApplicationSet>(rendered, 'ApplicationSet')) {
      expect(set.spec.ignoreApplicationDifferences).toEqual([{ jsonPointers: ['/spec/syncPolicy/automated'] }]);
      expect(set.spec.goTemplateOptions).toEqual(['missingkey=error']);
    }
  });

  it("turns a workload's first-sync stage into its Argo CD sync wave, and leaves no neutral annotation behind", async () => {
    const staged = web().override({
      web_deployment: { metadata: { annotations: { 'platform.dev/sync-stage': '2' } } },
    });
    const { objects } = await renderForTest([staged]);
    expect(objects('web').web_deployment!.metadata!.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '2' });
  });
});

describe('placement mixins', () => {
  it('nodePlacement adds node selectors and tolerations to every pod, but node agents', async () => {
    const placed = web().mixin(
      nodePlacement({
        nodeSelector: { pool: 'platform' },
        tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
      }),
    );
    const { objects } = await renderForTest([placed]);
    const spec = (objects('web').web_deployment as IDeployment).spec!.template.spec!;
    expect(spec.nodeSelector).toEqual({ pool: 'platform' });
    expect(spec.tolerations).toEqual([{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  it('resourceDefaults fills in what containers do not set and keeps what they do', async () => {
    const defaulted = web()
      .override({
        web_deployment: {
          spec: { template: { spec: { containers: [{ name: 'web', resources: { limits: { cpu: '2' } } }] } } },
        },
      })
      .mixin(
        resourceDefaults({ requests: { cpu: '50m', 'ephemeral-storage': '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }),
      );
    const { objects } = await renderForTest([defaulted]);
    const [container] = (objects('web').web_deployment as IDeployment).spec!.template.spec!.containers;
    expect(container!.resources).toEqual({
      requests: { cpu: '10m', memory: '64Mi', 'ephemeral-storage': '1Gi' },
      limits: { cpu: '2', memory: '64Mi' },
    });
  });
});
