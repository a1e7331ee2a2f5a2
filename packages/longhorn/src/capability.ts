import type { EndpointOwner } from '@platform/core';

/**
 * The StorageClasses a block-storage component serves, so that consumers that must name a class (or want the
 * one with most replicas) read it instead of retyping it. A capability of this library (declaration merging);
 * proposed for core's platform-capabilities.ts so that other libraries can consume it without depending on
 * Longhorn.
 */
export interface StorageClasses extends EndpointOwner {
  /** Name of the cluster's default StorageClass (what a claim without `storageClassName` gets). */
  defaultClass: string;
  /** Every class it serves. */
  classes: string[];
  /** The CSI driver behind them. */
  provisioner: string;
}

/** The Secret with Longhorn's backup target credentials, rendered by a `longhornBackupCredentials()` component. */
export interface LonghornBackupCredentials {
  component: string;
  namespace: string;
  /** The Secret's name, which Longhorn's `defaultBackupStore.backupTargetCredentialSecret` names. */
  secretName: string;
}

declare module '@platform/core' {
  interface Capabilities {
    storageClass: StorageClasses;
    /** Longhorn's backup target credentials delivered after the secret store (`backupTarget.separateCredentials`). */
    longhornBackupCredentials: LonghornBackupCredentials;
  }
}
