import { certManager } from '@platform/cert-manager';
import type { KubeObject } from '@platform/core';
import { configMapFile, renderForTest } from '@platform/core/testing';
import type { OpenBaoConfig } from './config.js';
import { openbao } from './index.js';

type Partial2<T> = { [K in keyof T]?: T[K] extends object ? Partial2<T[K]> : T[K] };

/** Renders OpenBao (with the cert-manager it needs for its certificate) and returns its objects. */
export async function renderOpenBao(config: Partial2<OpenBaoConfig> = {}): Promise<Record<string, KubeObject>> {
  const { objects } = await renderForTest([certManager(), openbao(config as never)]);
  return objects('openbao');
}

/** The parsed `openbao.json` of a render. */
export function serverConfigOf(objects: Record<string, KubeObject>): Record<string, unknown> {
  return JSON.parse(configMapFile(objects.config_configmap, 'openbao.json')) as Record<string, unknown>;
}

export const transitSeal = {
  type: 'transit',
  transit: {
    address: 'https://unseal.example.com:8443',
    keyName: 'openbao-test',
    tokenSecret: { name: 'openbao-unseal', key: 'token' },
    caSecret: { name: 'unseal-ca', key: 'ca.pem' },
  },
} as const;
