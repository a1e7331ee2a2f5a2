import type { BuildContext } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import type { StepCaConfig } from './config.js';
import {
  INTERMEDIATE_CERT_FILE,
  INTERMEDIATE_KEY_FILE,
  INTERMEDIATE_SECRET,
  PASSWORD_FILE,
  PROVISIONER_SECRET,
  storePath,
} from './layout.js';

/**
 * The bootstrap material, never rendered: External Secrets delivers the intermediate (certificate, encrypted key,
 * key password) from the platform store into the Secret step-ca mounts, and the JWK provisioner's password into
 * the Secret the StepClusterIssuer names. The offline ceremony (README) puts them in the store.
 */
export function bootstrapSecrets(context: BuildContext<StepCaConfig>): {
  intermediate_externalsecret: IExternalSecret;
  provisioner_externalsecret: IExternalSecret;
} {
  const { name, namespace, config, environment, peers } = context;
  const store = peers.require(
    'secretStore',
    "step-ca's intermediate and provisioner password come from the secret store",
  ).storeRef;
  const intermediate = config.intermediate.secret;
  const intermediateKey = storePath(intermediate.key, environment.name, 'intermediate');
  const password = config.issuerProvisioner.passwordSecret;
  return {
    intermediate_externalsecret: externalSecret({
      name: INTERMEDIATE_SECRET,
      namespace,
      store,
      component: name,
      data: {
        [INTERMEDIATE_CERT_FILE]: { key: intermediateKey, property: intermediate.certificateProperty },
        [INTERMEDIATE_KEY_FILE]: { key: intermediateKey, property: intermediate.keyProperty },
        [PASSWORD_FILE]: { key: intermediateKey, property: intermediate.passwordProperty },
      },
    }),
    provisioner_externalsecret: externalSecret({
      name: PROVISIONER_SECRET,
      namespace,
      store,
      component: name,
      data: {
        [PASSWORD_FILE]: { key: storePath(password.key, environment.name, 'provisioner'), property: password.property },
      },
    }),
  };
}
