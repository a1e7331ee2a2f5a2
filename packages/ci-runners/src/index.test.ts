import { certManager } from '@platform/cert-manager';
import {
  type AnyComponent,
  DELIVERY_RULES,
  firstSyncPlan,
  type KubeObject,
  type RenderedEnvironment,
} from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import { externalSecrets } from '@platform/external-secrets';
import { karpenter } from '@platform/karpenter';
import { describe, expect, it } from 'vitest';
import { ARC_KINDS, arcController, RUNNER_IMAGE, runnerScaleSet, scaleSetDefaults } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: chart values are untyped trees that the tests read by path
type Values = Record<string, any>;

const githubApp = {
  appId: { key: 'platform/test/github-app', property: 'app-id' },
  installationId: { key: 'platform/test/github-app', property: 'installation-id' },
  privateKey: { key: 'platform/test/github-app', property: 'private-key' },
};

function components(scaleSet: Parameters<typeof runnerScaleSet>[0] = {}, extra: AnyComponent[] = []): AnyComponent[] {
  return [
    certManager(),
    externalSecrets({ store: { server: 'https://vault.example.com:8200' } }),
    arcController(),
    runnerScaleSet({ githubConfigUrl: 'https://github.com/acme', githubApp, ...scaleSet }).named('ci-linux'),
    ...extra,
  ];
}

async function render(scaleSet: Parameters<typeof runnerScaleSet>[0] = {}, extra: AnyComponent[] = []) {
  const result = await renderForTest(components(scaleSet, extra));
  const part = (name: string) => result.rendered.components.find((c) => c.name === name)!;
  return { ...result, scaleSet: part('ci-linux'), controller: part('arc-controller') };
}

const problems = (rendered: RenderedEnvironment, id: string) => {
  const out: string[] = [];
  DELIVERY_RULES.find((r) => r.id === id)!.check(rendered, (p: { message: string }) => out.push(p.message), {});
  return out;
};

describe('ci-runners: Actions Runner Controller', () => {
  it('installs the pinned controller chart server-side, restricted, and registers the actions.github.com kinds', async () => {
    const { controller } = await render();
    expect(controller.helm).toMatchObject({ chart: 'gha-runner-scale-set-controller', version: '0.14.2' });
    const values = controller.helm!.values as Values;
    expect(values.image).toMatchObject({
      repository: 'ghcr.io/actions/gha-runner-scale-set-controller',
      tag: '0.14.2',
    });
    expect(values.podSecurityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532 });
    expect(values.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(controller.sync?.serverSideApply).toBe(true);
    expect(ARC_KINDS.map((k) => k.kind).sort()).toEqual([
      'AutoscalingListener',
      'AutoscalingRunnerSet',
      'EphemeralRunner',
      'EphemeralRunnerSet',
    ]);
  });

  it('renders a scale set as typed values: min/max, the controller named explicitly, restricted runners', async () => {
    const { scaleSet, rendered } = await render({ minRunners: 1, maxRunners: 8 });
    expect(scaleSet.helm).toMatchObject({ chart: 'gha-runner-scale-set', version: '0.14.2', releaseName: 'ci-linux' });
    const values = scaleSet.helm!.values as Values;
    expect(values).toMatchObject({
      githubConfigUrl: 'https://github.com/acme',
      githubConfigSecret: 'ci-linux-github-app',
      runnerScaleSetName: 'ci-linux',
      minRunners: 1,
      maxRunners: 8,
      controllerServiceAccount: { namespace: 'arc-systems', name: 'arc-controller' },
    });
    expect(values.containerMode).toBeUndefined();
    const pod = values.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1001 });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.containers[0]).toMatchObject({ name: 'runner', image: RUNNER_IMAGE });
    expect(pod.containers[0].securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(problems(rendered, 'delivery.chart-values')).toEqual([]);
    // After the controller, whose chart installs the CRDs.
    const step = (name: string) => rendered.steps.findIndex((s) => s.components.includes(name));
    expect(step('ci-linux')).toBeGreaterThan(step('arc-controller'));
  });

  it('never renders the GitHub App credentials: only the ExternalSecret that names where they are', async () => {
    const { rendered, objects, scaleSet } = await render();
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    const secret = objects('ci-linux').github_app_externalsecret as KubeObject & {
      spec: { data: Array<{ secretKey: string; remoteRef: { key: string; property: string } }> };
    };
    expect(secret.spec.data.map((d) => [d.secretKey, d.remoteRef.property])).toEqual([
      ['github_app_id', 'app-id'],
      ['github_app_installation_id', 'installation-id'],
      ['github_app_private_key', 'private-key'],
    ]);
    // A string githubConfigSecret: the chart renders no Secret of its own and no credential is in the values.
    const values = JSON.stringify(scaleSet.helm!.values);
    expect(values).not.toMatch(/github_app_private_key|github_token|github_app_id/);
    expect(typeof (scaleSet.helm!.values as Values).githubConfigSecret).toBe('string');
  });

  it('bounds the runner namespace by a quota of maxRunners runners and gives unset pods the runner defaults', async () => {
    const { objects } = await render({
      maxRunners: 4,
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '4Gi' } },
    });
    const own = objects('ci-linux');
    expect((own.runners_resourcequota as Values).spec.hard).toEqual({
      'requests.cpu': '2000m',
      'requests.memory': '4096Mi',
      'limits.memory': '16384Mi',
      pods: '4',
    });
    expect((own.runners_limitrange as Values).spec.limits[0]).toMatchObject({
      defaultRequest: { cpu: '500m', memory: '1Gi' },
      default: { memory: '4Gi' },
    });
    expect(own.runners_resourcequota!.metadata!.namespace).toBe('ci-linux');
  });

  it('prefers interruptible nodes where the environment has node classes, and keeps them off when asked', async () => {
    const pools = karpenter({
      clusterName: 'test',
      controllerIdentity: { roleArn: 'arn:aws:iam::111122223333:role/KarpenterController-test' },
      interruptionQueue: 'Karpenter-test',
      nodeClass: { role: 'KarpenterNodeRole-test', amiAlias: 'al2023@v20261120' },
    });
    const spot = await render({}, [pools]);
    const affinity = (spot.scaleSet.helm!.values as Values).template.spec.affinity;
    expect(
      affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0],
    ).toMatchObject({
      // Karpenter's nodeCapacity: its pools label nodes by class (interruptible pools launch spot).
      key: 'node.platform.dev/capacity',
      operator: 'In',
      values: ['interruptible'],
    });
    const stable = await render({ interruptible: false }, [pools]);
    expect(
      (stable.scaleSet.helm!.values as Values).template.spec.affinity.nodeAffinity
        .requiredDuringSchedulingIgnoredDuringExecution,
    ).toBeDefined();
    const none = await render();
    expect((none.scaleSet.helm!.values as Values).template.spec.affinity).toBeUndefined();
  });

  it('counts idle runners in the first-sync plan', async () => {
    const { rendered } = await render({ minRunners: 2 });
    const step = firstSyncPlan(rendered).steps.find((s) => s.components.includes('ci-linux'))!;
    expect(step.uncounted).toEqual([]);
    expect(step.pods).toBe(2);
  });

  it('rejects min above max, a missing store path and a non-https URL, naming each field', async () => {
    const error = await renderError(
      components({
        githubConfigUrl: 'http://github.com/acme',
        minRunners: 5,
        maxRunners: 2,
        githubApp: { ...githubApp, privateKey: { key: '' } },
      }),
    );
    expect(error).toMatch(/ci-linux › minRunners: minRunners \(5\) must not exceed maxRunners \(2\)/);
    expect(error).toMatch(/ci-linux › githubApp\.privateKey\.key/);
    expect(error).toMatch(/ci-linux › githubConfigUrl/);
    expect(scaleSetDefaults.minRunners).toBe(0);
  });
});
