import type { IVolume, IVolumeMount } from '@platform/core';
import type { RemoteTarget, SecretKeyRef } from './config.js';

/** Where Secrets holding remote-target credentials are mounted, one folder per Secret. */
const SECRETS_DIR = '/etc/alloy/secrets';

/** Path of a Secret key inside the container. */
export function secretPath(secret: SecretKeyRef): string {
  return `${SECRETS_DIR}/${secret.name}/${secret.key}`;
}

/** Every Secret the remote targets reference, by name, sorted. */
function referencedSecrets(targets: readonly RemoteTarget[]): string[] {
  const names = new Set<string>();
  for (const target of targets) {
    if (target.basicAuth) names.add(target.basicAuth.passwordSecret.name);
    if (target.bearerTokenSecret) names.add(target.bearerTokenSecret.name);
  }
  return [...names].sort();
}

/** Read-only Secret volumes and mounts for the remote targets' credentials. */
export function secretVolumes(targets: readonly RemoteTarget[]): { volumes: IVolume[]; mounts: IVolumeMount[] } {
  const names = referencedSecrets(targets);
  return {
    volumes: names.map((name) => ({ name: `secret-${name}`, secret: { secretName: name, defaultMode: 0o440 } })),
    mounts: names.map((name) => ({ name: `secret-${name}`, mountPath: `${SECRETS_DIR}/${name}`, readOnly: true })),
  };
}
