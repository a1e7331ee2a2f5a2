import { describe, expect, it } from 'vitest';
import { findingsOf, render, web } from '../test/fixtures.js';

const C = 'spec.template.spec.containers[name=web]';
const finding = (rule: string, path: string, message: string) => ({
  rule,
  severity: 'error',
  environment: 'test',
  component: 'web',
  object: 'Deployment/web/web',
  path,
  message,
});

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
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                securityContext: { runAsNonRoot: null },
                containers: [{ name: 'web', securityContext: { runAsNonRoot: null } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.run-as-non-root')).toEqual([
      finding(
        'pod-security.run-as-non-root',
        `${C}.securityContext.runAsNonRoot`,
        'container "web" may run as root: runAsNonRoot is not true in the container\'s or the pod\'s securityContext',
      ),
    ]);
  });

  it('pod-security.run-as-non-root: a container sets runAsNonRoot false or runs as user 0', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                containers: [{ name: 'web', securityContext: { runAsNonRoot: false, runAsUser: 0 } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.run-as-non-root')).toEqual([
      finding(
        'pod-security.run-as-non-root',
        `${C}.securityContext.runAsNonRoot`,
        'container "web" sets runAsNonRoot to false',
      ),
      finding(
        'pod-security.run-as-non-root',
        `${C}.securityContext.runAsUser`,
        'container "web" runs as user 0 (root)',
      ),
    ]);
  });

  it('pod-security.privilege-escalation: init containers count', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                initContainers: [
                  { name: 'init', image: 'busybox:1.37.0', securityContext: { allowPrivilegeEscalation: true } },
                ],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.privilege-escalation')).toEqual([
      finding(
        'pod-security.privilege-escalation',
        'spec.template.spec.initContainers[name=init].securityContext.allowPrivilegeEscalation',
        'init container "init" does not set allowPrivilegeEscalation to false',
      ),
    ]);
  });

  it('pod-security.capabilities: ALL not dropped, capabilities added', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'web',
                    securityContext: { capabilities: { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } },
                  },
                ],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.capabilities')).toEqual([
      finding(
        'pod-security.capabilities',
        `${C}.securityContext.capabilities.add`,
        'container "web" adds SYS_ADMIN; only NET_BIND_SERVICE may be added',
      ),
      finding(
        'pod-security.capabilities',
        `${C}.securityContext.capabilities.drop`,
        'container "web" does not drop ALL capabilities',
      ),
    ]);
  });

  it('pod-security.seccomp: no profile at either level, or Unconfined', async () => {
    const missing = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                securityContext: { seccompProfile: null },
                containers: [{ name: 'web', securityContext: { seccompProfile: null } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(missing, 'pod-security.seccomp')).toEqual([
      finding(
        'pod-security.seccomp',
        `${C}.securityContext.seccompProfile.type`,
        'container "web" has no seccomp profile: set seccompProfile.type to RuntimeDefault in the container\'s or the pod\'s securityContext',
      ),
    ]);
    const unconfined = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                securityContext: { seccompProfile: { type: 'Unconfined' } },
                containers: [{ name: 'web', securityContext: { seccompProfile: { type: 'Unconfined' } } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(unconfined, 'pod-security.seccomp')).toEqual([
      finding(
        'pod-security.seccomp',
        `${C}.securityContext.seccompProfile.type`,
        'container "web" sets seccompProfile.type to Unconfined; use RuntimeDefault or Localhost',
      ),
      finding(
        'pod-security.seccomp',
        'spec.template.spec.securityContext.seccompProfile.type',
        'the pod sets seccompProfile.type to Unconfined',
      ),
    ]);
  });

  it('pod-security.seccomp: a pod-level profile covers containers that set none', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                containers: [{ name: 'web', securityContext: { seccompProfile: null } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.seccomp')).toEqual([]);
  });

  it('pod-security.read-only-root-filesystem', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                containers: [{ name: 'web', securityContext: { readOnlyRootFilesystem: false } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.read-only-root-filesystem')).toEqual([
      finding(
        'pod-security.read-only-root-filesystem',
        `${C}.securityContext.readOnlyRootFilesystem`,
        'container "web" does not set readOnlyRootFilesystem to true',
      ),
    ]);
  });

  it('pod-security.host-path', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.host-path')).toEqual([
      finding(
        'pod-security.host-path',
        'spec.template.spec.volumes[name=varlog].hostPath',
        'volume "varlog" mounts the node\'s /var/log',
      ),
    ]);
  });

  it('pod-security.host-namespaces', async () => {
    const rendered = await render([
      web().override({
        web_deployment: { spec: { template: { spec: { hostNetwork: true, hostPID: true, hostIPC: false } } } },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.host-namespaces')).toEqual([
      finding('pod-security.host-namespaces', 'spec.template.spec.hostNetwork', 'the pod sets hostNetwork: true'),
      finding('pod-security.host-namespaces', 'spec.template.spec.hostPID', 'the pod sets hostPID: true'),
    ]);
  });

  it('pod-security.host-ports', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                containers: [{ name: 'web', ports: [{ name: 'http', hostPort: 8080 }] }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.host-ports')).toEqual([
      finding('pod-security.host-ports', `${C}.ports[name=http].hostPort`, 'container "web" binds host port 8080'),
    ]);
  });

  it('pod-security.privileged', async () => {
    const rendered = await render([
      web().override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                containers: [{ name: 'web', securityContext: { privileged: true } }],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(rendered, 'pod-security.privileged')).toEqual([
      finding('pod-security.privileged', `${C}.securityContext.privileged`, 'container "web" is privileged'),
    ]);
  });
});
