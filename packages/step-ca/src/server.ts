import {
  type BuildContext,
  configChecksum,
  configMap,
  type IConfigMap,
  namedWorkloadObjects,
  stableJson,
  statefulSet,
} from '@platform/core';
import { caJson } from './ca-config.js';
import type { StepCaConfig } from './config.js';
import {
  CA_JSON,
  CONFIG_DIR,
  CONFIG_MAP,
  DB_DIR,
  HOME,
  HTTPS_PORT,
  INTERMEDIATE_SECRET,
  METRICS_PORT,
  PASSWORD_FILE,
  ROOT_FILE,
  SECRETS_DIR,
  SERVER,
  STEP_USER,
} from './layout.js';

/*
 * The first sync brings up the ExternalSecrets (stage 0; Argo CD reports them healthy once their Secret is synced)
 * before step-ca, which cannot start without the intermediate.
 */
const SERVER_STAGE = 1;

/** The health endpoint step-ca serves on its HTTPS port (api/api.go:329 at v0.30.2), as the upstream chart probes it. */
const HEALTH = { path: '/health', port: 'https', scheme: 'HTTPS' as const };

/**
 * step-ca: one pod (its badger database is a single-writer store on the pod's volume; step-ca runs more than one
 * replica only on MySQL or PostgreSQL), its `ca.json` and the root certificate in a ConfigMap, the intermediate
 * from External Secrets, probed on `/health`. The binary carries the file capability `cap_net_bind_service=+eip`
 * (docker/Dockerfile:8), so the kernel refuses to run it unless NET_BIND_SERVICE stays in the bounding set: the one
 * capability Pod Security "restricted" allows adding, and the one the upstream chart adds.
 */
export function server(context: BuildContext<StepCaConfig>) {
  const { config } = context;
  const json = `${stableJson(caJson(context), 2)}\n`;
  const root = `${config.root.certificate.trim()}\n`;
  const config_configmap: IConfigMap = configMap(context, CONFIG_MAP, 'config', { [CA_JSON]: json, [ROOT_FILE]: root });
  const objects = namedWorkloadObjects(
    'step_ca',
    'statefulset',
    statefulSet(context, {
      name: SERVER,
      replicas: 1,
      runAs: STEP_USER,
      stage: SERVER_STAGE,
      podAnnotations: { 'checksum/config': configChecksum(json, root) },
      volumeClaims: [
        { name: 'db', size: config.storage.size, storageClassName: config.storage.storageClassName, mountPath: DB_DIR },
      ],
      volumes: [
        { name: 'config', configMap: { name: CONFIG_MAP } },
        { name: 'secrets', secret: { secretName: INTERMEDIATE_SECRET, defaultMode: 0o440 } },
      ],
      containers: [
        {
          name: SERVER,
          image: config.images.stepCa,
          command: ['/usr/local/bin/step-ca'],
          args: ['--password-file', `${SECRETS_DIR}/${PASSWORD_FILE}`, `${CONFIG_DIR}/${CA_JSON}`],
          workingDir: HOME,
          ports: [
            { name: 'https', containerPort: HTTPS_PORT },
            { name: 'http-metrics', containerPort: METRICS_PORT },
          ],
          readinessProbe: { httpGet: HEALTH, initialDelaySeconds: 5, periodSeconds: 10 },
          livenessProbe: { httpGet: HEALTH, initialDelaySeconds: 15, periodSeconds: 20, failureThreshold: 6 },
          resources: config.resources.stepCa,
          securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
          volumeMounts: [
            { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
            { name: 'secrets', mountPath: SECRETS_DIR, readOnly: true },
          ],
        },
      ],
    }),
  );
  return { config_configmap, ...objects };
}
