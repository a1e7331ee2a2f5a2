/**
 * Core is open: a library core has never heard of declares a CRD kind (schema and scope), installs its CRD, and
 * publishes a new capability by declaration merging, without any change to core.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineComponent,
  type EndpointOwner,
  type ICustomResourceDefinition,
  type KindDefinition,
  type KubeObject,
} from '../index.js';
import { renderError, renderForTest } from '../testing/index.js';

/** What the widget library publishes for its consumers. */
interface WidgetStore extends EndpointOwner {
  /** Where widgets are served. */
  url: string;
}

declare module '../index.js' {
  interface Capabilities {
    widgetStore: WidgetStore;
  }
}

const WIDGET_KINDS: KindDefinition[] = [
  {
    apiVersion: 'widgets.example.com/v1',
    kind: 'Widget',
    scope: 'Namespaced',
    schema: {
      openAPIV3Schema: {
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            required: ['size'],
            properties: { size: { type: 'integer', minimum: 1 }, colour: { type: 'string', enum: ['red', 'blue'] } },
          },
        },
      },
    },
  },
  {
    apiVersion: 'widgets.example.com/v1',
    kind: 'WidgetClass',
    scope: 'Cluster',
    schema: {
      openAPIV3Schema: {
        type: 'object',
        properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    },
  },
];

const crd = (kind: string, scope: 'Namespaced' | 'Cluster'): ICustomResourceDefinition => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.widgets.example.com` },
  spec: {
    group: 'widgets.example.com',
    scope,
    names: { kind, plural: `${kind.toLowerCase()}s` },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
});

const widgets = defineComponent({
  name: 'widgets',
  tier: 'operators',
  defaults: { size: 1, colour: 'red' as string, extra: undefined as Record<string, unknown> | undefined },
  kinds: WIDGET_KINDS,
  provides: ({ name, namespace }) => ({
    widgetStore: { component: name, namespace, url: `http://widgets.${namespace}.svc:8080` },
  }),
  build: ({ config }) => ({
    widget_crd: crd('Widget', 'Namespaced'),
    widgetclass_crd: crd('WidgetClass', 'Cluster'),
    default_widget: {
      apiVersion: 'widgets.example.com/v1',
      kind: 'Widget',
      metadata: { name: 'default' },
      spec: { size: config.size, colour: config.colour, ...config.extra },
    } as KubeObject,
    standard_widgetclass: {
      apiVersion: 'widgets.example.com/v1',
      kind: 'WidgetClass',
      metadata: { name: 'standard', namespace: 'ignored' },
      spec: { anything: true },
    } as KubeObject,
  }),
});

const consumer = defineComponent({
  name: 'consumer',
  tier: 'workloads',
  defaults: {},
  build: ({ peers, namespace }) => {
    const store = peers.require('widgetStore', 'it lists widgets');
    expectTypeOf(store).toEqualTypeOf<WidgetStore>();
    return {
      settings_configmap: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace },
        data: { url: store.url },
      } as KubeObject,
    };
  },
});

describe('a library with kinds and a capability core has never heard of', () => {
  it('renders its objects with the scope it declared', async () => {
    const { objects } = await renderForTest([widgets(), consumer()]);
    expect(objects('widgets').default_widget!.metadata!.namespace).toBe('widgets');
    expect(objects('widgets').standard_widgetclass!.metadata!.namespace).toBeUndefined();
  });

  it('validates its objects against the schema it registered: unknown fields, types and enums', async () => {
    expect(await renderError([widgets({ size: 0, colour: 'green', extra: { shape: 'round' } })])).toBe(
      [
        'test › widgets › Widget/default › spec.size: must be at least 1',
        'test › widgets › Widget/default › spec.colour: expected one of "red", "blue"',
        'test › widgets › Widget/default › spec.shape: unknown field "shape": the API server would silently drop it',
      ].join('\n'),
    );
  });

  it('publishes a new capability that another component consumes, typed', async () => {
    const { objects } = await renderForTest([widgets(), consumer()]);
    expect((objects('consumer').settings_configmap as unknown as { data: { url: string } }).data.url).toBe(
      'http://widgets.widgets.svc:8080',
    );
    expect(await renderError([consumer()])).toBe(
      'test › consumer: needs a component that provides "widgetStore" (it lists widgets), and the environment has none',
    );
  });

  it('is unknown to an environment without the library: its kinds get no guessed scope', async () => {
    const stray = defineComponent({
      name: 'stray',
      tier: 'workloads',
      defaults: {},
      build: () => ({
        w: { apiVersion: 'widgets.example.com/v1', kind: 'WidgetClass', metadata: { name: 'x' } } as KubeObject,
      }),
    });
    expect(await renderError([stray()])).toContain(
      'test › stray › WidgetClass/x › apiVersion: no library of the environment declares widgets.example.com/v1 WidgetClass, so its scope and schema are unknown',
    );
  });

  it('needs its CRD installed before use: a Widget with no CRD in the environment is a render error', async () => {
    const noCrd = defineComponent({
      name: 'nocrd',
      tier: 'workloads',
      defaults: {},
      kinds: WIDGET_KINDS,
      build: () => ({
        w: {
          apiVersion: 'widgets.example.com/v1',
          kind: 'Widget',
          metadata: { name: 'x' },
          spec: { size: 1 },
        } as KubeObject,
      }),
    });
    expect(await renderError([noCrd()])).toContain(
      'test › nocrd › Widget/x: renders Widget (widgets.example.com), but no component of the environment installs its CRD',
    );
  });
});

describe('monitoring objects', () => {
  it('are a render error when no component installs the prometheus-operator CRDs and the cluster does not serve them', async () => {
    const monitored = defineComponent({
      name: 'monitored',
      tier: 'workloads',
      defaults: {},
      build: ({ namespace }) => ({
        sm: {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'ServiceMonitor',
          metadata: { name: 'm', namespace },
          spec: { selector: {}, endpoints: [] },
        } as KubeObject,
      }),
    });
    expect(await renderError([monitored()], { clusterApis: [] })).toContain(
      'test › monitored › ServiceMonitor/m: renders ServiceMonitor (monitoring.coreos.com), but no component of the environment installs its CRD, so the sync would fail with "no matches for kind ServiceMonitor"; add the component that installs it (@platform/prometheus-operator-crds)',
    );
    await expect(renderForTest([monitored()])).resolves.toBeDefined();
  });
});
