import type { ProxyCacheProject } from '@platform/harbor';

/**
 * The public registries the platform's images come from: Harbor's defaults (docker.io, quay.io, ghcr.io,
 * registry.k8s.io) and the three more the pinned charts pull from: Kyverno 3.9.0 (`reg.kyverno.io`), step-issuer
 * (`cr.step.sm`), Argo CD 10.1.1's Redis and HAProxy (`ecr-public.aws.com`, argo-helm values.yaml:1551, 1881).
 */
export const UPSTREAM_REGISTRIES: ProxyCacheProject[] = [
  { project: 'docker.io', type: 'docker-hub', url: 'https://hub.docker.com' },
  { project: 'quay.io', type: 'docker-registry', url: 'https://quay.io' },
  { project: 'ghcr.io', type: 'github-ghcr', url: 'https://ghcr.io' },
  { project: 'registry.k8s.io', type: 'docker-registry', url: 'https://registry.k8s.io' },
  { project: 'reg.kyverno.io', type: 'docker-registry', url: 'https://reg.kyverno.io' },
  { project: 'cr.step.sm', type: 'docker-registry', url: 'https://cr.step.sm' },
  { project: 'ecr-public.aws.com', type: 'docker-registry', url: 'https://ecr-public.aws.com' },
];
