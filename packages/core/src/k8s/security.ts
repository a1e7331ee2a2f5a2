import type { IPodSecurityContext, ISecurityContext } from '../registry/kubernetes-types.js';

/** The user and group pods run as unless a component says otherwise (non-root, outside the system range). */
export const DEFAULT_RUN_AS = 10001;

/** A pod security context that satisfies Pod Security "restricted". */
export function restrictedPodSecurityContext(
  runAs: number = DEFAULT_RUN_AS,
  overrides: IPodSecurityContext = {},
): IPodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: runAs,
    runAsGroup: runAs,
    fsGroup: runAs,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
    ...overrides,
  };
}

/**
 * A container security context that satisfies Pod Security "restricted", with a read-only root file system:
 * writable paths come from volumes (the workload helpers mount an emptyDir at /tmp).
 */
export function restrictedContainerSecurityContext(overrides: ISecurityContext = {}): ISecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
    ...overrides,
  };
}
