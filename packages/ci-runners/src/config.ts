import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** A value in the platform store (rendered as an ExternalSecret, never as data). */
export interface StoredValue {
  /** Path of the secret in the store, e.g. `platform/prod/github-app`. */
  key: string;
  /** Field of that secret holding the value. Default: the whole secret. */
  property?: string;
}

/** Configuration of the Actions Runner Controller (`arcController`). */
export interface ArcControllerConfig {
  /** Controller replicas (one leads, the others wait). Default 1 (the chart's; it elects a leader). */
  replicas: number;
  /** Controller requests and limits. Default requests 50m / 128Mi, limit 512Mi. */
  resources: ResourceRequirements;
  /** Controller log level (`flags.logLevel`): `debug`, `info`, `warn` or `error`. Default `info` (the chart's is `debug`). */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** GitHub App credentials a runner scale set registers with, each from the platform store. */
export interface GithubAppCredentials {
  /** The App's ID (or client ID). Required. */
  appId: StoredValue;
  /** The installation ID of the App on the organisation or repository. Required. */
  installationId: StoredValue;
  /** The App's private key (PEM). Required. */
  privateKey: StoredValue;
}

/** Configuration of one runner scale set (`runnerScaleSet`). */
export interface RunnerScaleSetConfig {
  /** Organisation, enterprise or repository URL the runners register with, e.g. `https://github.com/acme`. Required. */
  githubConfigUrl: string;
  /** GitHub App credentials (rendered as the ExternalSecret the scale set reads). Required. */
  githubApp: GithubAppCredentials;
  /** Name workflows select with `runs-on`. Default: the component name. */
  runnerScaleSetName?: string;
  /** Runner group. Default: the organisation's default group. */
  runnerGroup?: string;
  /** Runners kept idle. Default 0. */
  minRunners: number;
  /** Most runners at once. Default 10. */
  maxRunners: number;
  /** Requests and limits of each runner. Default requests 500m / 1Gi, limit 4Gi. */
  resources: ResourceRequirements;
  /** Run runners on interruptible (spot) nodes where the environment has them (`nodeCapacity`). Default true. */
  interruptible: boolean;
  /**
   * The runner namespace's ResourceQuota: the most the scale set's pods may request together. Default: `maxRunners`
   * times each runner's requests and limits, so the quota never stops a runner the scale set may start.
   */
  quota?: { cpu: string; memory: string; limitsMemory: string };
  /** Controller component name and namespace (whose ServiceAccount manages the runners). Default `arc-controller` in `arc-systems`. */
  controller: { component: string; namespace: string };
}

/** Defaults of the controller. */
export const controllerDefaults: ArcControllerConfig = {
  replicas: 1,
  resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '512Mi' } },
  logLevel: 'info',
};

/** Defaults of a scale set: the shape is also the runtime schema of user configuration. */
export const scaleSetDefaults: RunnerScaleSetConfig = {
  githubConfigUrl: '',
  githubApp: {
    appId: { key: '', property: undefined },
    installationId: { key: '', property: undefined },
    privateKey: { key: '', property: undefined },
  },
  runnerScaleSetName: undefined,
  runnerGroup: undefined,
  minRunners: 0,
  maxRunners: 10,
  resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '4Gi' } },
  interruptible: true,
  quota: undefined,
  controller: { component: 'arc-controller', namespace: 'arc-systems' },
};
