import { PlatformError } from '../model/errors.js';
import type { TrustBundle } from '../model/platform-capabilities.js';
import type { IContainer, IEnvVar, IPodSpec, IVolume, IVolumeMount } from '../registry/kubernetes-types.js';

/** Where a pod mounts the trust bundle and how its processes learn the path; everything has a documented default. */
export interface TrustBundleOptions {
  /**
   * Directory the bundle's ConfigMap key is mounted in. Default {@link DEFAULT_TRUST_MOUNT_PATH}
   * (`/etc/platform-trust`): beside, not over, the image's own `/etc/ssl/certs`, which other tools still read.
   */
  mountPath?: string;
  /** Name of the pod volume. Default {@link DEFAULT_TRUST_VOLUME} (`platform-trust-bundle`). */
  volumeName?: string;
  /**
   * Environment variables set to the bundle's file. Default `['SSL_CERT_FILE']`, which Go's crypto/x509, OpenSSL
   * (hence curl, Python's ssl, Ruby) read instead of the system store. Node reads `NODE_EXTRA_CA_CERTS`, Python's
   * requests `REQUESTS_CA_BUNDLE`. Pass `[]` for a product configured through its own setting (then use `file`).
   */
  env?: string[];
}

/** What a pod needs to trust the bundle: the volume, its mount, the env vars and the file path for product settings. */
export interface TrustBundleMount {
  /** Absolute path of the PEM bundle inside the containers, for product settings (`tls_ca_file`, `rootCAFile` ...). */
  file: string;
  volume: IVolume;
  volumeMount: IVolumeMount;
  /** Env vars naming {@link TrustBundleMount.file}. */
  env: IEnvVar[];
  /** The label the pod's namespace must carry for trust-manager to write the ConfigMap there. */
  namespaceLabels: Record<string, string>;
}

/** Default directory of the mounted bundle. */
export const DEFAULT_TRUST_MOUNT_PATH = '/etc/platform-trust';
/** Default name of the pod volume holding the bundle. */
export const DEFAULT_TRUST_VOLUME = 'platform-trust-bundle';

/**
 * The volume, mount and env vars that make a pod trust the platform's CA bundle (the `trustBundle` capability,
 * a ConfigMap trust-manager writes into every labelled namespace). Only the bundle's key is mounted, read-only.
 * `SSL_CERT_FILE` replaces the system store for the processes that read it, so the bundle must hold public roots
 * too when those processes also call public endpoints.
 *
 * ```ts
 * const trust = trustBundle(ctx.peers.require('trustBundle', 'TLS to the internal PKI'));
 * spec = withTrustBundle(spec, trust);           // every container, init containers included
 * ```
 */
export function trustBundle(bundle: TrustBundle, options: TrustBundleOptions = {}): TrustBundleMount {
  const mountPath = (options.mountPath ?? DEFAULT_TRUST_MOUNT_PATH).replace(/\/+$/, '');
  const volumeName = options.volumeName ?? DEFAULT_TRUST_VOLUME;
  const problems: string[] = [];
  if (!mountPath.startsWith('/')) problems.push(`mountPath must be an absolute path, got "${options.mountPath}"`);
  if (!/^[-._a-zA-Z0-9]+$/.test(bundle.key) || bundle.key === '.' || bundle.key === '..')
    problems.push(`the bundle key "${bundle.key}" of component "${bundle.component}" is not a file name`);
  if (problems.length > 0)
    throw new PlatformError(problems.map((message) => ({ message: `trustBundle(): ${message}` })));
  const file = `${mountPath}/${bundle.key}`;
  return {
    file,
    volume: { name: volumeName, configMap: { name: bundle.configMap, items: [{ key: bundle.key, path: bundle.key }] } },
    volumeMount: { name: volumeName, mountPath, readOnly: true },
    env: (options.env ?? ['SSL_CERT_FILE']).map((name) => ({ name, value: file })),
    namespaceLabels: { [bundle.namespaceLabel.key]: bundle.namespaceLabel.value },
  };
}

function withMount(container: IContainer, mount: TrustBundleMount): IContainer {
  const names = new Set(mount.env.map((e) => e.name));
  return {
    ...container,
    // Ours win: a container pointing SSL_CERT_FILE elsewhere would not trust the platform's CA.
    env: [...(container.env ?? []).filter((e) => !names.has(e.name)), ...mount.env],
    volumeMounts: [
      ...(container.volumeMounts ?? []).filter((m) => m.name !== mount.volumeMount.name),
      mount.volumeMount,
    ],
  };
}

/**
 * A copy of `spec` whose containers (init containers included, since they often fetch over TLS) trust the bundle:
 * the volume is added once, each container gets the mount and the env vars. `containers` limits it to some
 * containers by name. Applying it twice changes nothing.
 */
export function withTrustBundle(spec: IPodSpec, mount: TrustBundleMount, containers?: readonly string[]): IPodSpec {
  const chosen = (c: IContainer) => containers === undefined || containers.includes(c.name);
  const unknown = (containers ?? []).filter(
    (name) => ![...(spec.initContainers ?? []), ...spec.containers].some((c) => c.name === name),
  );
  if (unknown.length > 0)
    throw new PlatformError({ message: `withTrustBundle(): no container named ${unknown.join(', ')} in the pod` });
  return {
    ...spec,
    ...(spec.initContainers
      ? { initContainers: spec.initContainers.map((c) => (chosen(c) ? withMount(c, mount) : c)) }
      : {}),
    containers: spec.containers.map((c) => (chosen(c) ? withMount(c, mount) : c)),
    volumes: [...(spec.volumes ?? []).filter((v) => v.name !== mount.volume.name), mount.volume],
  };
}
