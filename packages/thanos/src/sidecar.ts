import {
  type IEnvVar,
  mirroredImage,
  type ResolvedSettings,
  type ResourceRequirements,
  s3CredentialsEnv,
} from '@platform/core';
import { OBJSTORE, OBJSTORE_FILE } from './layout.js';

/** The name Prometheus-Operator gives the sidecar container (`pkg/prometheus/server/statefulset.go:610` at v0.93.0). */
export const SIDECAR_CONTAINER = 'thanos-sidecar';

/** What a Prometheus resource needs for a Thanos sidecar that ships its blocks to the environment's bucket. */
export interface ThanosSidecar {
  /** `spec.thanos` of the Prometheus resource. */
  thanos: {
    image: string;
    /** The image's release, which the operator generates the sidecar's flags for. */
    version: string;
    logLevel: 'debug' | 'info' | 'warn' | 'error';
    resources: ResourceRequirements;
    objectStorageConfigFile: string;
    volumeMounts: Array<{ name: string; mountPath: string }>;
  };
  /** `spec.volumes` entries: the object storage configuration. */
  volumes: Array<{ name: string; configMap: { name: string } }>;
  /** `spec.containers` entries, merged by name into the operator's containers: the credentials of the sidecar. */
  containers: Array<{ name: string; env: IEnvVar[] }>;
}

/**
 * The Thanos sidecar of a Prometheus resource: the operator adds it to every Prometheus pod, serving the StoreAPI
 * on 10901 and uploading each 2h block to object storage. With `objectStorageConfigFile` and these versions
 * (Prometheus >= v3.9, Thanos >= v0.41) the operator delays Prometheus' local compaction until the sidecar has
 * uploaded a block (prometheus-operator v0.93.0 `pkg/prometheus/server/statefulset.go:775-828`). The configuration file comes from the `thanos-objstore` ConfigMap, mounted
 * through `spec.thanos.volumeMounts`; credentials, when the environment has a credentials Secret, through the
 * env of the sidecar container (`spec.containers` is merged by name into the generated pod).
 */
export function thanosSidecar(
  settings: ResolvedSettings,
  options: { image: string; logLevel: ThanosSidecar['thanos']['logLevel']; resources: ResourceRequirements },
): ThanosSidecar {
  const env = s3CredentialsEnv(settings.objectStorage);
  return {
    thanos: {
      image: mirroredImage(options.image, settings.imageRegistryMirror),
      version: options.image.slice(options.image.lastIndexOf(':') + 1),
      logLevel: options.logLevel,
      resources: options.resources,
      objectStorageConfigFile: OBJSTORE_FILE,
      volumeMounts: [{ name: 'thanos-objstore', mountPath: OBJSTORE.dir }],
    },
    volumes: [{ name: 'thanos-objstore', configMap: { name: OBJSTORE.configMap } }],
    containers: env.length > 0 ? [{ name: SIDECAR_CONTAINER, env }] : [],
  };
}
