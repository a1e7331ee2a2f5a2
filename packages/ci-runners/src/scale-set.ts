import {
  type BuildContext,
  defineComponent,
  mirroredImage,
  type NetworkAccess,
  type NodeCapacity,
} from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import {
  CONTROLLER_NAME,
  CONTROLLER_USER,
  GITHUB_APP_KEYS,
  RUNNER_IMAGE,
  RUNNER_USER,
  SCALE_SET_CHART,
} from './chart.js';
import { checkScaleSetConfig } from './check.js';
import { type RunnerScaleSetConfig, scaleSetDefaults } from './config.js';
import { quotaObjects } from './quota.js';
import { RESTRICTED_CONTAINER, restrictedPod } from './restricted.js';

/** The Secret the scale set authenticates with: `<component>-github-app`, from the store. */
export function githubAppSecretName(component: string): string {
  return `${component}-github-app`;
}

/** The ExternalSecret behind the GitHub App credentials, with the keys the chart and controller read. */
function githubAppSecret({ config, name, namespace, peers }: BuildContext<RunnerScaleSetConfig>): IExternalSecret {
  const store = peers.require('secretStore', 'the GitHub App credentials of the runner scale set').storeRef;
  return externalSecret({
    name: githubAppSecretName(name),
    namespace,
    component: name,
    store,
    data: {
      [GITHUB_APP_KEYS.appId]: config.githubApp.appId,
      [GITHUB_APP_KEYS.installationId]: config.githubApp.installationId,
      [GITHUB_APP_KEYS.privateKey]: config.githubApp.privateKey,
    },
  });
}

/**
 * Where runners run: on the environment's interruptible nodes when it has node classes and the scale set
 * allows it (a preferred affinity, so they still start when no spot capacity is left), on stable nodes
 * otherwise (a required affinity). None in an environment without node classes.
 */
export function runnerAffinity(capacity: NodeCapacity | undefined, interruptible: boolean) {
  if (!capacity) return undefined;
  if (!interruptible)
    return {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: capacity.label, operator: 'In', values: [capacity.stable] }] },
          ],
        },
      },
    };
  return {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 100,
          preference: { matchExpressions: [{ key: capacity.label, operator: 'In', values: capacity.interruptible }] },
        },
      ],
    },
  };
}

/**
 * The scale set chart's values. `githubConfigSecret` is the name of our Secret (a string: the chart then renders
 * no Secret, `githubsecret.yaml`); `controllerServiceAccount` is explicit, because without it the chart looks the
 * controller up in the cluster (`_helpers.tpl:569-620`), which Argo CD's `helm template` cannot, and fails.
 * Runners: no container mode (no Docker-in-Docker, no privileged pods), restricted, no service account token.
 */
function scaleSetValues(context: BuildContext<RunnerScaleSetConfig>) {
  const { config, name, environment, peers } = context;
  const mirror = environment.settings.imageRegistryMirror;
  const affinity = runnerAffinity(peers.find('nodeCapacity'), config.interruptible);
  return {
    githubConfigUrl: config.githubConfigUrl,
    githubConfigSecret: githubAppSecretName(name),
    runnerScaleSetName: config.runnerScaleSetName ?? name,
    ...(config.runnerGroup ? { runnerGroup: config.runnerGroup } : {}),
    minRunners: config.minRunners,
    maxRunners: config.maxRunners,
    controllerServiceAccount: { namespace: config.controller.namespace, name: CONTROLLER_NAME },
    listenerTemplate: {
      spec: {
        securityContext: restrictedPod(CONTROLLER_USER),
        containers: [
          {
            name: 'listener',
            securityContext: { ...RESTRICTED_CONTAINER, readOnlyRootFilesystem: true },
            resources: { requests: { cpu: '10m', memory: '64Mi' }, limits: { memory: '256Mi' } },
          },
        ],
      },
    },
    template: {
      spec: {
        automountServiceAccountToken: false,
        securityContext: restrictedPod(RUNNER_USER),
        ...(affinity ? { affinity } : {}),
        containers: [
          {
            name: 'runner',
            image: mirroredImage(RUNNER_IMAGE, mirror),
            command: ['/home/runner/run.sh'],
            resources: config.resources,
            securityContext: RESTRICTED_CONTAINER,
          },
        ],
      },
    },
  };
}

/** Runners fetch jobs from GitHub and whatever the jobs download (HTTPS, and HTTP for package mirrors). */
function scaleSetNetwork(): NetworkAccess {
  return { egress: [{ name: 'jobs', to: 'any', ports: [80, 443] }] };
}

/**
 * One runner scale set (tier `workloads`, its own namespace, named like the component): chart
 * gha-runner-scale-set 0.14.2 with the AutoscalingRunnerSet, its listener (in the controller's namespace) and
 * ephemeral runners between `minRunners` and `maxRunners`; the GitHub App credentials from the store; the
 * namespace's ResourceQuota and LimitRange. Comes after the controller.
 */
export const runnerScaleSet = defineComponent({
  name: 'runners',
  tier: 'workloads',
  defaults: scaleSetDefaults,
  check: checkScaleSetConfig,
  dependsOn: (context) => [context.config.controller.component],
  build: (context) => ({ github_app_externalsecret: githubAppSecret(context), ...quotaObjects(context) }),
  helm: (context) => ({
    ...SCALE_SET_CHART,
    releaseName: context.name,
    values: scaleSetValues(context),
    // Idle runners at the first sync (the listener is in the controller's namespace; one pod).
    firstSync: [{ workload: `AutoscalingRunnerSet/${context.name}`, pods: context.config.minRunners, wave: 0 }],
  }),
  network: scaleSetNetwork,
});
