import { addressPort, type EgressRule, type IEnvVar, type IVolume, type IVolumeMount } from '@platform/core';
import type { UnsealConfig } from './config.js';
import { PATHS } from './layout.js';

/** What a seal adds to the server: its configuration stanza, and how its secret material reaches the pod. */
export interface SealParts {
  /** The `seal` stanza of the configuration; absent for Shamir, OpenBao's default. */
  stanza?: Record<string, Record<string, string>>;
  env: IEnvVar[];
  envFromSecrets: string[];
  volumes: IVolume[];
  volumeMounts: IVolumeMount[];
  /** Where the seal connects to, outside the cluster. */
  egress: EgressRule[];
}

const SEAL_VOLUME = 'seal';

function sealMount(): IVolumeMount {
  return { name: SEAL_VOLUME, mountPath: PATHS.seal, readOnly: true };
}

/** Whether the seal unseals the pods by itself (every type but Shamir). */
export function isAutoUnseal(unseal: UnsealConfig): boolean {
  return unseal.type !== 'shamir';
}

/**
 * The seal stanza and its material, by type (OpenBao 2.6.2 `website/content/docs/configuration/seal/`:
 * `transit.mdx`, `static.mdx`, `awskms.mdx`). Secrets are only referenced: tokens, keys and credentials come from
 * Secrets created out of band, since the store cannot deliver what unseals it.
 */
export function sealParts(unseal: UnsealConfig): SealParts {
  const none: SealParts = { env: [], envFromSecrets: [], volumes: [], volumeMounts: [], egress: [] };
  if (unseal.type === 'transit' && unseal.transit) {
    const transit = unseal.transit;
    return {
      stanza: {
        transit: {
          address: transit.address,
          key_name: transit.keyName,
          mount_path: transit.mountPath ?? 'transit',
          ...(transit.namespace ? { namespace: transit.namespace } : {}),
          ...(transit.caSecret ? { tls_ca_cert: `${PATHS.seal}/ca.crt` } : {}),
        },
      },
      // transit.mdx: "it is strongly recommended to set these values via environment variables" (VAULT_TOKEN).
      env: [{ name: 'VAULT_TOKEN', valueFrom: { secretKeyRef: { ...transit.tokenSecret } } }],
      envFromSecrets: [],
      volumes: transit.caSecret
        ? [
            {
              name: SEAL_VOLUME,
              secret: { secretName: transit.caSecret.name, items: [{ key: transit.caSecret.key, path: 'ca.crt' }] },
            },
          ]
        : [],
      volumeMounts: transit.caSecret ? [sealMount()] : [],
      egress: [{ name: 'unseal-transit', to: 'any', ports: [addressPort(transit.address)] }],
    };
  }
  if (unseal.type === 'static' && unseal.static) {
    const seal = unseal.static;
    const items = [
      { key: seal.keySecret.key, path: 'current.key' },
      ...(seal.previous ? [{ key: seal.previous.keySecret.key, path: 'previous.key' }] : []),
    ];
    const sameSecret = !seal.previous || seal.previous.keySecret.name === seal.keySecret.name;
    return {
      stanza: {
        static: {
          current_key_id: seal.keyId,
          current_key: `file://${PATHS.seal}/current.key`,
          ...(seal.previous
            ? { previous_key_id: seal.previous.keyId, previous_key: `file://${PATHS.seal}/previous.key` }
            : {}),
        },
      },
      env: [],
      envFromSecrets: [],
      // One projected volume, so a rotation whose keys live in two Secrets still mounts one directory.
      volumes: [
        sameSecret
          ? { name: SEAL_VOLUME, secret: { secretName: seal.keySecret.name, items } }
          : {
              name: SEAL_VOLUME,
              projected: {
                sources: [
                  { secret: { name: seal.keySecret.name, items: [items[0]!] } },
                  { secret: { name: seal.previous!.keySecret.name, items: [items[1]!] } },
                ],
              },
            },
      ],
      volumeMounts: [sealMount()],
      egress: [],
    };
  }
  if (unseal.type === 'awskms' && unseal.awskms) {
    const kms = unseal.awskms;
    return {
      stanza: {
        awskms: { region: kms.region, kms_key_id: kms.kmsKeyId, ...(kms.endpoint ? { endpoint: kms.endpoint } : {}) },
      },
      env: [],
      envFromSecrets: kms.credentialsSecret ? [kms.credentialsSecret] : [],
      volumes: [],
      volumeMounts: [],
      egress: [{ name: 'unseal-kms', to: 'any', ports: [kms.endpoint ? addressPort(kms.endpoint) : 443] }],
    };
  }
  return none;
}
