import {
  type BuildContext,
  configChecksum,
  configMap,
  type IConfigMap,
  type IJob,
  restrictedContainerSecurityContext,
  restrictedPodSecurityContext,
  selectorLabels,
  serviceHost,
  stableJson,
  stageAnnotations,
  standardLabels,
} from '@platform/core';
import { CORE_SERVICE } from './chart.js';
import type { HarborConfig } from './config.js';
import { PROXY_CACHE_SCRIPT } from './proxy-cache-script.js';
import { HARBOR_SECRET } from './secrets.js';

/** The Job runs once Harbor's chart objects are healthy (core answering), in the next first-sync stage. */
const JOB_STAGE = 1;
/** `nobody`: the script needs no identity, and the Python image would otherwise run as root. */
const JOB_USER = 65534;

/** What the Job configures: one registry endpoint and one proxy-cache project per entry, named after the upstream host. */
export function proxyCacheSpec(
  config: HarborConfig,
): Array<{ project: string; registry: { name: string; type: string; url: string } }> {
  return config.proxyCache.map((entry) => ({
    project: entry.project,
    registry: { name: entry.project, type: entry.type, url: entry.url },
  }));
}

/**
 * The ConfigMap with the program and its input, and the Job that runs it. The Job's name carries a checksum of
 * both: a Job's pod template is immutable, so a changed list is a new Job (the old one is pruned), and an
 * unchanged one is not run again on every sync. Harbor projects are not Kubernetes objects; this is the only
 * declarative path to them the chart leaves (the API, as an admin).
 */
export function proxyCacheJob(context: BuildContext<HarborConfig>): {
  proxy_cache_configmap: IConfigMap;
  proxy_cache_job: IJob;
} {
  const { name, namespace, config, environment } = context;
  const spec = stableJson(proxyCacheSpec(config), 2);
  const checksum = configChecksum(spec, PROXY_CACHE_SCRIPT).slice(0, 10);
  const configName = `harbor-proxy-cache-${checksum}`;
  const data = { 'configure.py': PROXY_CACHE_SCRIPT, 'proxy-cache.json': `${spec}\n` };
  const api = `http://${serviceHost(CORE_SERVICE.name, namespace, environment.settings)}:${CORE_SERVICE.port}/api/v2.0`;
  return {
    proxy_cache_configmap: configMap(context, configName, 'proxy-cache', data),
    proxy_cache_job: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: configName,
        namespace,
        labels: standardLabels(name, 'proxy-cache'),
        annotations: stageAnnotations(JOB_STAGE),
      },
      spec: {
        backoffLimit: 10,
        template: {
          metadata: { labels: { ...standardLabels(name, 'proxy-cache'), ...selectorLabels(name, 'proxy-cache') } },
          spec: {
            restartPolicy: 'OnFailure',
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(JOB_USER),
            containers: [
              {
                name: 'configure',
                image: config.configureJob.image,
                command: ['python3', '-B', '/config/configure.py'],
                env: [
                  { name: 'HARBOR_API', value: api },
                  {
                    name: 'HARBOR_ADMIN_PASSWORD',
                    valueFrom: { secretKeyRef: { name: HARBOR_SECRET, key: 'HARBOR_ADMIN_PASSWORD' } },
                  },
                ],
                resources: config.configureJob.resources,
                securityContext: restrictedContainerSecurityContext(),
                volumeMounts: [
                  { name: 'config', mountPath: '/config', readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            volumes: [
              { name: 'config', configMap: { name: configName } },
              { name: 'tmp', emptyDir: {} },
            ],
          },
        },
      },
    },
  };
}
