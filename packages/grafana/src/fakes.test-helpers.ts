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
