import { testBuildContext } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { POD_VARIABLES, validation } from './admission.js';
import { evaluate } from './cel.test-helpers.js';
import { defaults, type KyvernoConfig } from './config.js';
import { imageChecks, imagePolicy } from './image-policy.js';
import { POD_SECURITY_CHECKS, podSecurityPolicy } from './pod-security-policy.js';
import { RESOURCE_CHECKS } from './resources-policy.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are loose JSON that the tests break field by field.
type Loose = any;

/** A pod that passes every platform check. */
function goodPod(): Record<string, Loose> {
  const container = (name: string) => ({
    name,
    image: 'registry.example.com/mirror/quay.io/openbao/openbao:2.6.2',
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    resources: { requests: { cpu: '10m' }, limits: { memory: '64Mi' } },
  });
  return {
    metadata: { name: 'p', annotations: {} },
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [container('init')],
      containers: [container('main')],
      volumes: [{ name: 'tmp', emptyDir: {} }],
    },
  };
}

/** The rules a pod fails, by running every check's validation expression. */
function failing(checks: typeof POD_SECURITY_CHECKS, pod: unknown): string[] {
  return checks
    .filter((check) => evaluate(validation(check).expression, pod, POD_VARIABLES) !== true)
    .map((c) => c.rule);
}

describe('pod security "restricted" at admission', () => {
  it('admits a restricted pod', () => {
    expect(failing(POD_SECURITY_CHECKS, goodPod())).toEqual([]);
  });

  it.each([
    [
      'pod-security.privileged',
      (p: Loose) => {
        p.spec.containers[0].securityContext.privileged = true;
      },
    ],
    [
      'pod-security.privilege-escalation',
      (p: Loose) => {
        delete p.spec.initContainers[0].securityContext.allowPrivilegeEscalation;
      },
    ],
    [
      'pod-security.capabilities',
      (p: Loose) => {
        p.spec.containers[0].securityContext.capabilities.add = ['NET_ADMIN'];
      },
    ],
    [
      'pod-security.capabilities',
      (p: Loose) => {
        p.spec.initContainers[0].securityContext.capabilities.drop = ['NET_RAW'];
      },
    ],
    [
      'pod-security.run-as-non-root',
      (p: Loose) => {
        delete p.spec.securityContext.runAsNonRoot;
      },
    ],
    [
      'pod-security.run-as-non-root',
      (p: Loose) => {
        p.spec.containers[0].securityContext.runAsUser = 0;
      },
    ],
    [
      'pod-security.run-as-non-root',
      (p: Loose) => {
        p.spec.initContainers[0].securityContext.runAsNonRoot = false;
      },
    ],
    [
      'pod-security.seccomp',
      (p: Loose) => {
        delete p.spec.securityContext.seccompProfile;
      },
    ],
    [
      'pod-security.seccomp',
      (p: Loose) => {
        p.spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' };
      },
    ],
    [
      'pod-security.host-namespaces',
      (p: Loose) => {
        p.spec.hostPID = true;
      },
    ],
    [
      'pod-security.host-path',
      (p: Loose) => {
        p.spec.volumes.push({ name: 'logs', hostPath: { path: '/var/log' } });
      },
    ],
    [
      'pod-security.host-ports',
      (p: Loose) => {
        p.spec.containers[0].ports = [{ containerPort: 80, hostPort: 80 }];
      },
    ],
  ])('refuses %s', (rule, breakPod) => {
    const pod = goodPod();
    breakPod(pod);
    expect(failing(POD_SECURITY_CHECKS, pod)).toEqual([rule]);
  });

  it('takes the container setting over the pod setting, and the waiver annotation of the pod template', () => {
    const pod = goodPod();
    delete pod.spec.securityContext.seccompProfile;
    for (const c of [...pod.spec.containers, ...pod.spec.initContainers])
      c.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'x.json' };
    expect(failing(POD_SECURITY_CHECKS, pod)).toEqual([]);
    pod.spec.volumes.push({ name: 'logs', hostPath: { path: '/var/log' } });
    pod.metadata.annotations['policy.platform.dev/waive.pod-security.host-path'] = 'node agent: reads /var/log/pods';
    expect(failing(POD_SECURITY_CHECKS, pod)).toEqual([]);
  });

  it('skips kube-system, its own namespace, the excluded ones and namespaces with a deliberately lower level', () => {
    const context = testBuildContext<KyvernoConfig>('kyverno', {
      ...defaults,
      policies: { ...defaults.policies, excludeNamespaces: ['legacy'] },
    });
    expect(podSecurityPolicy(context).spec.matchConstraints!.namespaceSelector!.matchExpressions).toEqual([
      { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'kyverno', 'legacy'] },
      { key: 'pod-security.kubernetes.io/enforce', operator: 'NotIn', values: ['baseline', 'privileged'] },
    ]);
  });
});

describe('resource requests at admission', () => {
  it('needs CPU and memory on every container, a limit standing in for its request', () => {
    expect(failing(RESOURCE_CHECKS, goodPod())).toEqual([]);
    const pod = goodPod();
    pod.spec.initContainers[0].resources = { requests: { memory: '1Mi' } };
    expect(failing(RESOURCE_CHECKS, pod)).toEqual(['resources.requests']);
    expect(RESOURCE_CHECKS.map((c) => c.message)).toEqual([
      'every container must request CPU',
      'every container must request memory',
    ]);
  });
});

describe('images at admission', () => {
  const withImage = (image: string) => {
    const pod = goodPod();
    pod.spec.containers[0].image = image;
    return pod;
  };
  const allowed = ['registry.example.com', 'ghcr.io/acme', 'docker.io'];

  it.each([
    ['registry.example.com/mirror/quay.io/x:1.0', []],
    ['ghcr.io/acme/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', []],
    ['nginx:1.27', []],
    ['nginx', ['images.pinned-tag']],
    ['registry.example.com/x:latest', ['images.pinned-tag']],
    ['ghcr.io/acmecorp/tool:1', ['images.allowed-registry']],
    ['quay.io/openbao/openbao:2.6.2', ['images.allowed-registry']],
  ])('%s fails %j', (image, rules) => {
    expect(failing(imageChecks(allowed), withImage(image))).toEqual(rules);
  });

  it('checks only pinning when the environment allows Loose registry', () => {
    expect(imageChecks([]).map((c) => c.rule)).toEqual(['images.pinned-tag']);
    expect(failing(imageChecks([]), withImage('quay.io/x:1'))).toEqual([]);
  });

  it('audits by default and enforces when asked, failing closed only when it enforces', () => {
    const audit = imagePolicy(testBuildContext('kyverno', defaults));
    expect(audit.spec).toMatchObject({ validationActions: ['Audit', 'Warn'], failurePolicy: 'Ignore' });
    const enforce = imagePolicy(
      testBuildContext('kyverno', {
        ...defaults,
        policies: { ...defaults.policies, images: { enabled: true, enforcement: 'Enforce' } },
      }),
    );
    expect(enforce.spec).toMatchObject({ validationActions: ['Deny'], failurePolicy: 'Fail' });
  });
});
