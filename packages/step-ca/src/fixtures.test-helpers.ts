import { certManager } from '@platform/cert-manager';
import type { DeepPartial } from '@platform/core';
import { externalSecrets } from '@platform/external-secrets';
import { TEST_ROOT_PEM } from '@platform/pki/testing';
import type { StepCaConfig } from './config.js';
import { stepCa } from './index.js';

/** A provisioner public key as `step ca provisioner add --create` writes it (made with node's crypto for these tests). */
export const PROVISIONER_KEY = {
  use: 'sig',
  kty: 'EC',
  kid: 'VkpKUP3mHskblVTyH93DJdkKlI0Wf_xjVgLHEB_M2ZU',
  crv: 'P-256',
  alg: 'ES256',
  x: 'tYE_bIlIdO9BAto3b25qP6z5-nMC7g2ooWgoT7PP1KU',
  y: 'izHFLR_TXRl9I6QhU6z5IYpX8eBnZb3nKRPLl3MlvZg',
};

/** A JWE compact serialization shaped like an encrypted provisioner key (random bytes, decrypts to nothing). */
export const PROVISIONER_JWE =
  'eyJhbGciOiJQQkVTMi1IUzI1NitBMTI4S1ciLCJjdHkiOiJqd2sranNvbiIsImVuYyI6IkEyNTZHQ00iLCJwMmMiOjYwMDAwMCwicDJzIjoidXBLN3FJRXVPVEVxa2htaFlWOG9uZyJ9.2UkPiPqJVMfXcg_rsN8gDMHUz0iAAU54ES6olmlAj3wYBjO9HcuyvA.qiiPBMF463i7ozfk.EHxXJiUJ7iAAg1zOHZXC7f6QbXjbcB-QyaE_87uMItKBFuWVXVWoT0c65eARg5GF2z55_uWObt3WbkmSLMKWycG3Xe0u3MlOpGz_sWZoJ2lyhm1HS9WMK5Ko9dO2STTHdIgyO_CJuuuvwRJ7Pg0MiOx9Hb5xPUa3nPOj6W4-3nixvflOx60QdFisedvcDmILDUDtMrqlk6_v5wIDjzl7RymQj0K4BXPZjHM4uI6OtHstAvCW.4hiPnD5khUiYFS-G97uWvA';

/** step-ca with the ceremony's outputs filled in, plus what it needs: cert-manager and External Secrets. */
export function environment(config: DeepPartial<StepCaConfig> = {}) {
  return [
    certManager(),
    externalSecrets({ store: { server: 'https://openbao.openbao.svc:8200' } }),
    stepCa({
      root: { certificate: TEST_ROOT_PEM },
      issuerProvisioner: { key: PROVISIONER_KEY, encryptedKey: PROVISIONER_JWE },
    }).configure(config),
  ];
}
