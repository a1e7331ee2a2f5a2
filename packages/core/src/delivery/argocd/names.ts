import type { Environment } from '../../model/environment.js';
import type { SyncStep } from '../../model/rendered.js';

/** Folder (inside `rendered/<env>/`) of the Argo CD objects that deliver the environment. */
export const DELIVERY_FOLDER = '_argocd';

/** The sync-wave annotation Argo CD orders the resources of one Application by. */
export const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
/** Per-resource sync options (e.g. `ServerSideApply=true`). */
export const SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';

/** Namespace Argo CD runs in: `delivery.namespace`, default `argocd`. */
export function argocdNamespace(environment: Environment): string {
  return environment.delivery?.namespace ?? 'argocd';
}

/** The AppProject of the environment's components: `platform-prod`. */
export function projectName(environment: Environment): string {
  return `platform-${environment.name}`;
}

/** The AppProject of the delivery objects themselves: `platform-prod-root`. */
export function rootProjectName(environment: Environment): string {
  return `platform-${environment.name}-root`;
}

/** Name of the ApplicationSet of one sync step: `prod-platform-1`. */
export function applicationSetName(environment: Environment, step: SyncStep): string {
  return `${environment.name}-${step.tier}-${step.level}`;
}

/** Name of a component's generated Application: `prod-mimir`. */
export function applicationName(environment: Environment, component: string): string {
  return `${environment.name}-${component}`;
}

/** Path of a folder of the rendered output in the repository: `rendered/prod/mimir`. */
export function repoPath(environment: Environment, ...parts: string[]): string {
  return [environment.repo.basePath, 'rendered', environment.name, ...parts].filter((p) => p && p.length > 0).join('/');
}
