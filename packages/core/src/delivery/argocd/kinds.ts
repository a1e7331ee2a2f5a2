import type { KindDefinition } from '../../registry/kinds.js';

export type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
export type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
export type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';

/** The Argo CD kinds the delivery objects use. */
export const ARGOCD_KINDS: readonly KindDefinition[] = [
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    scope: 'Namespaced',
    schema: {
      model: async () => (await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application')).Application,
    },
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    scope: 'Namespaced',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet')).ApplicationSet,
    },
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    scope: 'Namespaced',
    schema: {
      model: async () => (await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject')).AppProject,
    },
  },
];
