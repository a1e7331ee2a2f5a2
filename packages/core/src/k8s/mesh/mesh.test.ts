import { describe, expect, it } from 'vitest';
import { web } from '../../fixtures.test-helpers.js';
import { defineComponent, type EnvironmentSettings, type INamespace, type INetworkPolicy } from '../../index.js';
import type { PlaintextCallers, ServiceMesh } from '../../model/capabilities.js';
import type { MeshName } from '../../model/settings.js';
import { renderError, renderForTest, stubComponent, testEnvironment } from '../../testing/index.js';
import { MESH_EXCLUDED_ANNOTATION, meshMembership, outsideMesh } from './membership.js';
import { mtlsExceptions } from './mtls-exceptions.js';

const baseSettings = testEnvironment([]).settings;
// The core knows no mesh: tests name one of their own, as a mesh library would declare it.
const MESH = 'example' as string as MeshName;
const withMesh = (mesh: EnvironmentSettings['mesh']) => ({ settings: { ...baseSettings, mesh } });

/** A mesh the way a library describes it: Linkerd-like (annotation injection, an inbound proxy port). */
const exampleMesh: ServiceMesh = {
  component: 'mesh-cp',
  namespace: 'mesh-cp',
  mesh: MESH,
  controlPlanePorts: [8090, 8080, 8086],
  join: { labels: {}, annotations: { 'example.io/inject': 'enabled' } },
  leave: { labels: { 'example.io/webhooks': 'disabled' }, annotations: { 'example.io/inject': 'disabled' } },
  proxyInboundPorts: [4143],
};

/** A component with a webhook the API server calls and a client of web's pods, as libraries declare them. */
const api = defineComponent({
  name: 'api',
  tier: 'workloads',
  defaults: {},
  build: () => ({}),
  network: () => ({
    ingress: [
      { name: 'webhook', from: 'any', ports: [9443], podLabels: { app: 'api' } },
      { name: 'from-web', from: [{ component: 'web' }], ports: [8080] },
    ],
    egress: [
      { name: 'to-web', to: [{ component: 'web' }], ports: [8080] },
      { name: 'public', to: 'any', ports: [443] },
    ],
  }),
});
const controlPlane = stubComponent('mesh-cp', { serviceMesh: exampleMesh });
const agent = defineComponent({
  name: 'agent',
  tier: 'workloads',
  defaults: {},
  podSecurity: 'privileged',
  build: () => ({}),
})();

const policy = (objects: Record<string, unknown>, key: string) => objects[key] as INetworkPolicy | undefined;

describe('the mesh as a choice', () => {
  it('renders nothing mesh-related without a mesh (the default), whatever control plane is installed', async () => {
    const { objects } = await renderForTest([api(), web(), controlPlane]);
    const namespace = objects('api').namespace as INamespace;
    expect(namespace.metadata!.annotations).toBeUndefined();
    expect(Object.keys(namespace.metadata!.labels!).filter((k) => k.includes('example.io'))).toEqual([]);
    expect(objects('api').networkpolicy_allow_mesh_control_plane).toBeUndefined();
    expect(policy(objects('api'), 'networkpolicy_allow_from_web')!.spec!.ingress![0]!.ports).toEqual([
      { port: 8080, protocol: 'TCP' },
    ]);
  });

  it('marks every meshed namespace for the chosen mesh and opens its proxy and control-plane ports', async () => {
    const { objects } = await renderForTest([api(), web(), controlPlane], withMesh(MESH));
    for (const component of ['api', 'web']) {
      const namespace = objects(component).namespace as INamespace;
      expect(namespace.metadata!.annotations).toEqual({ 'example.io/inject': 'enabled' });
      expect(namespace.metadata!.labels!['example.io/webhooks']).toBeUndefined();
      expect(policy(objects(component), 'networkpolicy_allow_mesh_control_plane')!.spec).toEqual({
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mesh-cp' } } }],
            ports: [8080, 8086, 8090].map((port) => ({ port, protocol: 'TCP' })),
          },
        ],
      });
    }
    // Meshed clients connect to the proxy's inbound port (transport header), both ways of a rule.
    expect(policy(objects('api'), 'networkpolicy_allow_from_web')!.spec!.ingress![0]!.ports).toEqual([
      { port: 8080, protocol: 'TCP' },
      { port: 4143, protocol: 'TCP' },
    ]);
    expect(policy(objects('api'), 'networkpolicy_allow_to_web')!.spec!.egress![0]!.ports).toEqual([
      { port: 8080, protocol: 'TCP' },
      { port: 4143, protocol: 'TCP' },
    ]);
    // The API server and the internet are never meshed.
    expect(policy(objects('api'), 'networkpolicy_allow_webhook')!.spec!.ingress![0]!.ports).toEqual([
      { port: 9443, protocol: 'TCP' },
    ]);
    expect(policy(objects('api'), 'networkpolicy_allow_public')!.spec!.egress![0]!.ports).toEqual([
      { port: 443, protocol: 'TCP' },
    ]);
    // A mesh without plaintextExceptions renders none.
    expect(Object.keys(objects('api')).filter((k) => k.startsWith('mesh_'))).toEqual([]);
  });

  it("renders the mesh's own mTLS exceptions for the rules unmeshed callers use, only in meshed namespaces", () => {
    const seen: unknown[] = [];
    const mesh = meshMembership({
      mesh: MESH,
      podSecurity: 'restricted',
      mixins: [],
      peers: {
        all: () =>
          [
            {
              ...exampleMesh,
              plaintextExceptions: (callers: PlaintextCallers) => {
                seen.push(callers);
                return { mesh_exception: { apiVersion: 'example.io/v1', kind: 'Exception', metadata: { name: 'x' } } };
              },
            },
          ] as never,
      },
    })!;
    const access = {
      ingress: [
        { name: 'webhook', from: 'any' as const, ports: [9443], podLabels: { app: 'api' } },
        { name: 'from-web', from: [{ component: 'web' }], ports: [8080] },
      ],
    };
    expect(Object.keys(mtlsExceptions('api', 'api', access, mesh))).toEqual(['mesh_exception']);
    expect(seen).toEqual([{ component: 'api', namespace: 'api', rules: [access.ingress[0]] }]);
    expect(mtlsExceptions('api', 'api', access, { ...mesh, meshed: false })).toEqual({});
    expect(mtlsExceptions('api', 'api', { ingress: [access.ingress[1]!] }, mesh)).toEqual({});
  });

  it('lets callers outside the mesh (node agents, outsideMesh components) through, decided before any build', async () => {
    const seen: PlaintextCallers[] = [];
    const excepting = stubComponent('mesh-cp', {
      serviceMesh: {
        ...exampleMesh,
        plaintextExceptions: (callers: PlaintextCallers) => {
          seen.push(callers);
          return {};
        },
      },
    });
    const store = defineComponent({
      name: 'store',
      tier: 'workloads',
      defaults: {},
      build: () => ({}),
      network: () => ({
        ingress: [
          { name: 'push', from: [{ component: 'agent' }], ports: [8080], podLabels: { app: 'store' } },
          { name: 'from-web', from: [{ component: 'web' }], ports: [8080] },
          { name: 'from-batch', from: [{ namespace: 'batch' }], ports: [9090] },
        ],
      }),
    });
    const batch = web().named('batch').inNamespace('batch').mixin(outsideMesh('a batch runner that exits'));
    await renderForTest([store(), agent, web(), batch, excepting], withMesh(MESH));
    const forStore = seen.filter((callers) => callers.component === 'store');
    expect(forStore.flatMap((callers) => callers.rules.map((rule) => rule.name))).toEqual(['push', 'from-batch']);
  });

  it('keeps node agents (privileged) and components with outsideMesh() out, saying why', async () => {
    const { objects } = await renderForTest(
      [agent, api().mixin(outsideMesh('a proxy breaks its raw sockets')), controlPlane],
      withMesh(MESH),
    );
    expect((objects('agent').namespace as INamespace).metadata!.labels!['example.io/webhooks']).toBe('disabled');
    expect((objects('agent').namespace as INamespace).metadata!.annotations).toEqual({
      'example.io/inject': 'disabled',
      [MESH_EXCLUDED_ANNOTATION]:
        'privileged Pod Security: node agents (host network, host paths, CSI/CNI) break behind a proxy',
    });
    expect((objects('api').namespace as INamespace).metadata!.annotations).toEqual({
      'example.io/inject': 'disabled',
      [MESH_EXCLUDED_ANNOTATION]: 'a proxy breaks its raw sockets',
    });
    expect(objects('api').networkpolicy_allow_mesh_control_plane).toBeUndefined();
    expect(policy(objects('api'), 'networkpolicy_allow_to_web')).toBeUndefined(); // web is absent here
  });

  it('refuses a chosen mesh no component provides, naming the field, and a mixin without a reason', async () => {
    const message = await renderError([api()], withMesh(MESH));
    expect(message).toContain('settings.mesh: the mesh is "example", but no component provides it');
    expect(() => outsideMesh(' ')).toThrow('give the reason');
  });
});
