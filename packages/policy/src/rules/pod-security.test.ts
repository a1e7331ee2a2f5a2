import { describe, expect, it } from 'vitest';
import { findingsOf, render, web, webFinding, webWithContainer, webWithPod } from '../test/fixtures.js';

const C = 'spec.template.spec.containers[name=web]';
const finding = (rule: string, path: string, message: string) => webFinding(`pod-security.${rule}`, path, message);
const findings = async (rule: string, component: ReturnType<typeof web>) =>
  findingsOf(await render([component]), `pod-security.${rule}`);

describe('pod-security rules', () => {
  it('pass the restricted security contexts of the core workload helpers', async () => {
    const rendered = await render([web()]);
    for (const rule of [
      'run-as-non-root',
      'privilege-escalation',
      'capabilities',
      'seccomp',
      'read-only-root-filesystem',
      'host-path',
      'host-namespaces',
      'host-ports',
      'privileged',
    ]) {
      expect(findingsOf(rendered, `pod-security.${rule}`), rule).toEqual([]);
    }
  });

  it('pod-security.run-as-non-root: neither the container nor the pod sets runAsNonRoot', async () => {
    const unset = webWithPod({
      securityContext: { runAsNonRoot: null },
      containers: [{ name: 'web', securityContext: { runAsNonRoot: null } }],
    });
    expect(await findings('run-as-non-root', unset)).toEqual([
      finding(
        'run-as-non-root',
        `${C}.securityContext.runAsNonRoot`,
        'container "web" may run as root: runAsNonRoot is not true in the container\'s or the pod\'s securityContext',
      ),
    ]);
  });

  it('pod-security.run-as-non-root: a container sets runAsNonRoot false or runs as user 0', async () => {
    const root = webWithContainer({ securityContext: { runAsNonRoot: false, runAsUser: 0 } });
    expect(await findings('run-as-non-root', root)).toEqual([
      finding('run-as-non-root', `${C}.securityContext.runAsNonRoot`, 'container "web" sets runAsNonRoot to false'),
      finding('run-as-non-root', `${C}.securityContext.runAsUser`, 'container "web" runs as user 0 (root)'),
    ]);
  });

  it('pod-security.privilege-escalation: init containers count', async () => {
    const escalating = webWithPod({
      initContainers: [{ name: 'init', image: 'busybox:1.37.0', securityContext: { allowPrivilegeEscalation: true } }],
    });
    expect(await findings('privilege-escalation', escalating)).toEqual([
      finding(
        'privilege-escalation',
        'spec.template.spec.initContainers[name=init].securityContext.allowPrivilegeEscalation',
        'init container "init" does not set allowPrivilegeEscalation to false',
      ),
    ]);
  });

  it('pod-security.capabilities: ALL not dropped, capabilities added', async () => {
    const capable = webWithContainer({
      securityContext: { capabilities: { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } },
    });
    expect(await findings('capabilities', capable)).toEqual([
      finding(
        'capabilities',
        `${C}.securityContext.capabilities.add`,
        'container "web" adds SYS_ADMIN; only NET_BIND_SERVICE may be added',
      ),
      finding(
        'capabilities',
        `${C}.securityContext.capabilities.drop`,
        'container "web" does not drop ALL capabilities',
      ),
    ]);
  });

  it('pod-security.seccomp: no profile at either level, or Unconfined', async () => {
    const missing = webWithPod({
      securityContext: { seccompProfile: null },
      containers: [{ name: 'web', securityContext: { seccompProfile: null } }],
    });
    expect(await findings('seccomp', missing)).toEqual([
      finding(
        'seccomp',
        `${C}.securityContext.seccompProfile.type`,
        'container "web" has no seccomp profile: set seccompProfile.type to RuntimeDefault in the container\'s or the pod\'s securityContext',
      ),
    ]);
    const unconfined = webWithPod({
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [{ name: 'web', securityContext: { seccompProfile: { type: 'Unconfined' } } }],
    });
    expect(await findings('seccomp', unconfined)).toEqual([
      finding(
        'seccomp',
        `${C}.securityContext.seccompProfile.type`,
        'container "web" sets seccompProfile.type to Unconfined; use RuntimeDefault or Localhost',
      ),
      finding(
        'seccomp',
        'spec.template.spec.securityContext.seccompProfile.type',
        'the pod sets seccompProfile.type to Unconfined',
      ),
    ]);
  });

  it('pod-security.seccomp: a pod-level profile covers containers that set none', async () => {
    expect(await findings('seccomp', webWithContainer({ securityContext: { seccompProfile: null } }))).toEqual([]);
  });

  it('pod-security.read-only-root-filesystem', async () => {
    const writable = webWithContainer({ securityContext: { readOnlyRootFilesystem: false } });
    expect(await findings('read-only-root-filesystem', writable)).toEqual([
      finding(
        'read-only-root-filesystem',
        `${C}.securityContext.readOnlyRootFilesystem`,
        'container "web" does not set readOnlyRootFilesystem to true',
      ),
    ]);
  });

  it('pod-security.host-path', async () => {
    const hostPath = webWithPod({ volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }] });
    expect(await findings('host-path', hostPath)).toEqual([
      finding(
        'host-path',
        'spec.template.spec.volumes[name=varlog].hostPath',
        'volume "varlog" mounts the node\'s /var/log',
      ),
    ]);
  });

  it('pod-security.host-namespaces', async () => {
    const host = webWithPod({ hostNetwork: true, hostPID: true, hostIPC: false });
    expect(await findings('host-namespaces', host)).toEqual([
      finding('host-namespaces', 'spec.template.spec.hostNetwork', 'the pod sets hostNetwork: true'),
      finding('host-namespaces', 'spec.template.spec.hostPID', 'the pod sets hostPID: true'),
    ]);
  });

  it('pod-security.host-ports', async () => {
    const bound = webWithContainer({ ports: [{ name: 'http', hostPort: 8080 }] });
    expect(await findings('host-ports', bound)).toEqual([
      finding('host-ports', `${C}.ports[name=http].hostPort`, 'container "web" binds host port 8080'),
    ]);
  });

  it('pod-security.privileged', async () => {
    const privileged = webWithContainer({ securityContext: { privileged: true } });
    expect(await findings('privileged', privileged)).toEqual([
      finding('privileged', `${C}.securityContext.privileged`, 'container "web" is privileged'),
    ]);
  });
});
