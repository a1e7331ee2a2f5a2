import { type ComponentContext, selectorLabels, serviceHost } from '@platform/core';

/*
 * Where things are in step-ca's pods. Paths follow the image (docker/Dockerfile at v0.30.2: `USER step`, home
 * /home/step, `CONFIGPATH=/home/step/config/ca.json`) and the upstream chart's layout (helm-charts
 * step-certificates/templates/ca.yaml: certs, config, secrets and db under /home/step).
 */

/** The StatefulSet, its headless Service and the name in step-ca's serving certificate. */
export const SERVER = 'step-ca';
/** step-ca's HTTPS port (`address`), the upstream default `:9000`. */
export const HTTPS_PORT = 9000;
/** step-ca's metrics listener (`metricsAddress`; step-ca has no default, this is ours). */
export const METRICS_PORT = 9290;
/** The x509 certificate exporter's listener, its default `:9793` (internal/config/config.go:45 at v4.2.0). */
export const EXPORTER_PORT = 9793;
/** The exporter workload's name. */
export const EXPORTER = 'x509-exporter';
/** The image's `step` user and group (upstream chart values: runAsUser/runAsGroup/fsGroup 1000). */
export const STEP_USER = 1000;
/** The exporter image's user (build/Dockerfile.scratch: `USER 65534:65534`). */
export const EXPORTER_USER = 65534;

export const HOME = '/home/step';
export const CONFIG_DIR = `${HOME}/config`;
export const SECRETS_DIR = `${HOME}/secrets`;
export const DB_DIR = `${HOME}/db`;

/** The ConfigMap with `ca.json` and the root certificate, and its keys. */
export const CONFIG_MAP = 'step-ca-config';
export const CA_JSON = 'ca.json';
export const ROOT_FILE = 'root_ca.crt';
/** The Secret External Secrets delivers the intermediate into; its keys are the file names step-ca reads. */
export const INTERMEDIATE_SECRET = 'step-ca-intermediate';
export const INTERMEDIATE_CERT_FILE = 'intermediate_ca.crt';
export const INTERMEDIATE_KEY_FILE = 'intermediate_ca_key';
export const PASSWORD_FILE = 'password';
/** The Secret with the JWK provisioner's password, which step-issuer reads through the StepClusterIssuer. */
export const PROVISIONER_SECRET = 'step-issuer-provisioner';
/** The exporter's configuration ConfigMap. */
export const EXPORTER_CONFIG = 'x509-exporter-config';

/** The pods behind step-ca's Service. */
export function serverPods(context: Pick<ComponentContext<unknown>, 'name'>): Record<string, string> {
  return selectorLabels(context.name, SERVER);
}

/** step-ca's in-cluster URL, as clients (step-issuer, ACME clients) reach it. */
export function caUrl(context: Pick<ComponentContext<unknown>, 'namespace' | 'environment'>): string {
  return `https://${serviceHost(SERVER, context.namespace, context.environment.settings)}:${HTTPS_PORT}`;
}

/** The names step-ca's own serving certificate carries: its Service's, short and long, and the configured ones. */
export function servingDnsNames(context: ComponentContext<{ dnsNames: string[] }>): string[] {
  const { namespace, environment, config } = context;
  return [
    ...new Set([
      serviceHost(SERVER, namespace, environment.settings),
      `${SERVER}.${namespace}.svc`,
      `${SERVER}.${namespace}`,
      SERVER,
      ...config.dnsNames,
    ]),
  ];
}

/** A path in the secret store under this environment's default prefix, unless one is configured. */
export function storePath(configured: string, environment: string, leaf: string): string {
  return configured === '' ? `platform/${environment}/step-ca/${leaf}` : configured;
}
