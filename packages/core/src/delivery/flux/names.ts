import type { Environment } from '../../model/environment.js';

/** Folder of `rendered/<env>/` with the Kustomizations, sources and notifications (what the root applies). */
export const FLUX_FOLDER = '_flux';
/**
 * Folder with one subfolder per chart component (its HelmRepository or OCIRepository and HelmRelease), each
 * applied by the component's chart Kustomization. A sibling of `_flux`, never inside it: kustomize-controller
 * generates a kustomization of every manifest below a path, recursively (fluxcd/pkg kustomize
 * kustomize_generator.go:575-600 at kustomize/v1.35.4), so the root would apply them without ordering.
 */
export const FLUX_CHARTS_FOLDER = '_flux-charts';

/** Namespace the Flux controllers and their objects live in: `delivery.namespace`, default `flux-system`. */
export function fluxNamespace(environment: Environment): string {
  return environment.delivery?.namespace ?? 'flux-system';
}

/** The GitRepository of the rendered output, and the root Kustomization: `platform-prod`. */
export function rootName(environment: Environment): string {
  return `platform-${environment.name}`;
}

/** The Kustomization of a component's rendered folder: its name. */
export function kustomizationName(component: string): string {
  return component;
}

/** The Kustomization that applies a chart component's HelmRelease: `<component>-chart`. */
export function chartKustomizationName(component: string): string {
  return `${component}-chart`;
}

/** `./rendered/prod/mimir`: a path in the repository as a Kustomization names it. */
export function fluxPath(environment: Environment, ...parts: string[]): string {
  return `./${[environment.repo.basePath, 'rendered', environment.name, ...parts].filter((p) => p && p.length > 0).join('/')}`;
}
