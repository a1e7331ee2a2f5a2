import { defineComponent } from '@platform/core';

/** A component that ships dashboards, like a store library's mixin would. */
export const fakeDashboards = defineComponent({
  name: 'fake-app',
  tier: 'platform',
  defaults: { dashboards: {} as Record<string, unknown> },
  provides: (ctx) => ({
    dashboards: {
      component: ctx.name,
      namespace: ctx.namespace,
      folder: 'Fake App',
      dashboards: ctx.config.dashboards,
    },
  }),
  build: () => ({}),
});

/** A component that provides a cert-manager ClusterIssuer. */
export const fakeIssuer = defineComponent({
  name: 'fake-cert-manager',
  tier: 'platform',
  defaults: {},
  provides: (ctx) => ({
    certificateIssuer: {
      component: ctx.name,
      namespace: ctx.namespace,
      issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' as const, group: 'cert-manager.io' as const },
    },
  }),
  build: () => ({}),
});
