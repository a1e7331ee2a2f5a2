import type { ComponentContext } from '@platform/core';
import type { ClaimsConfig, StepCaConfig } from './config.js';
import {
  CONFIG_DIR,
  DB_DIR,
  HTTPS_PORT,
  INTERMEDIATE_CERT_FILE,
  INTERMEDIATE_KEY_FILE,
  METRICS_PORT,
  ROOT_FILE,
  SECRETS_DIR,
  servingDnsNames,
} from './layout.js';

function claims(c: ClaimsConfig): Record<string, string> {
  return {
    minTLSCertDuration: c.minTLSCertDuration,
    maxTLSCertDuration: c.maxTLSCertDuration,
    defaultTLSCertDuration: c.defaultTLSCertDuration,
  };
}

/**
 * step-ca's `ca.json`, from typed settings. Fields as step-ca v0.30.2 reads them (authority/config/config.go:68-86:
 * `root`, `crt`, `key`, `address`, `dnsNames`, `logger`, `db`, `authority`, `metricsAddress`; db/db.go:44-45;
 * provisioners authority/provisioner/jwk.go:41-47 and acme.go:88-122; claims provisioner/claims.go:13-15). No
 * secret is in it: the intermediate's key is a file from External Secrets, opened with `--password-file`, and the
 * JWK provisioner's `encryptedKey` is public by design (step-ca serves it at `/provisioners`).
 */
export function caJson(context: ComponentContext<StepCaConfig>): Record<string, unknown> {
  const { config } = context;
  const provisioners: Array<Record<string, unknown>> = [
    {
      type: 'JWK',
      name: config.issuerProvisioner.name,
      key: config.issuerProvisioner.key,
      encryptedKey: config.issuerProvisioner.encryptedKey,
      claims: claims(config.issuerProvisioner.claims),
    },
  ];
  if (config.acme.enabled)
    provisioners.push({
      type: 'ACME',
      name: config.acme.name,
      challenges: config.acme.challenges,
      claims: claims(config.acme.claims),
    });
  return {
    root: `${CONFIG_DIR}/${ROOT_FILE}`,
    crt: `${SECRETS_DIR}/${INTERMEDIATE_CERT_FILE}`,
    key: `${SECRETS_DIR}/${INTERMEDIATE_KEY_FILE}`,
    address: `:${HTTPS_PORT}`,
    dnsNames: servingDnsNames(context),
    metricsAddress: `:${METRICS_PORT}`,
    logger: { format: 'json' },
    db: { type: 'badgerv2', dataSource: DB_DIR },
    authority: { provisioners },
  };
}
