import type { ISecurityContext, PolicyRule } from '@platform/core';
import { containerRule } from '../container-rule.js';
import {
  describeContainer,
  inventoryOf,
  type LocatedContainer,
  locatedContainers,
  workloadFinding,
} from '../inventory.js';

/**
 * Pod Security Standards, "restricted" profile (https://kubernetes.io/docs/concepts/security/pod-security-standards/),
 * checked on every pod template of the render so that a violation fails `pnpm check` instead of the
 * admission controller at sync time. Each control is its own rule so that one can be waived alone.
 */

/** A container's own security context (`{}` when it sets none). */
function securityOf(located: LocatedContainer): ISecurityContext {
  return located.container.securityContext ?? {};
}

export const runAsNonRootRule = containerRule({
  id: 'pod-security.run-as-non-root',
  severity: 'error',
  rationale: 'A process running as root in a container is one kernel or runtime bug away from root on the node.',
  checkContainer({ workload, located, report }) {
    const security = securityOf(located);
    const pod = workload.spec.securityContext ?? {};
    const nonRoot = security.runAsNonRoot ?? pod.runAsNonRoot;
    const user = security.runAsUser ?? pod.runAsUser;
    const name = describeContainer(located);
    if (security.runAsNonRoot === false) {
      report(`${located.path}.securityContext.runAsNonRoot`, `${name} sets runAsNonRoot to false`);
    } else if (nonRoot !== true) {
      report(
        `${located.path}.securityContext.runAsNonRoot`,
        `${name} may run as root: runAsNonRoot is not true in the container's or the pod's securityContext`,
      );
    }
    if (user === 0) {
      const path =
        security.runAsUser === 0
          ? `${located.path}.securityContext.runAsUser`
          : `${workload.specPath}.securityContext.runAsUser`;
      report(path, `${name} runs as user 0 (root)`);
    }
  },
});

export const privilegeEscalationRule = containerRule({
  id: 'pod-security.privilege-escalation',
  severity: 'error',
  rationale: 'Without allowPrivilegeEscalation: false a process can gain privileges through setuid binaries.',
  checkContainer({ located, report }) {
    const security = securityOf(located);
    if (security.allowPrivilegeEscalation !== false) {
      report(
        `${located.path}.securityContext.allowPrivilegeEscalation`,
        `${describeContainer(located)} does not set allowPrivilegeEscalation to false`,
      );
    }
  },
});

export const capabilitiesRule = containerRule({
  id: 'pod-security.capabilities',
  severity: 'error',
  rationale: 'Containers must drop every Linux capability; only NET_BIND_SERVICE may be added back.',
  checkContainer({ located, report }) {
    const security = securityOf(located);
    const path = `${located.path}.securityContext.capabilities`;
    if (!(security.capabilities?.drop ?? []).includes('ALL')) {
      report(`${path}.drop`, `${describeContainer(located)} does not drop ALL capabilities`);
    }
    const added = (security.capabilities?.add ?? []).filter((c) => c !== 'NET_BIND_SERVICE');
    if (added.length > 0) {
      report(
        `${path}.add`,
        `${describeContainer(located)} adds ${added.join(', ')}; only NET_BIND_SERVICE may be added`,
      );
    }
  },
});

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);

export const seccompRule: PolicyRule = {
  id: 'pod-security.seccomp',
  severity: 'error',
  rationale: 'A seccomp profile (RuntimeDefault or Localhost) blocks the system calls container escapes rely on.',
  check(environment, report) {
    for (const workload of inventoryOf(environment).workloads) {
      const podType = workload.spec.securityContext?.seccompProfile?.type;
      if (podType === 'Unconfined') {
        report(
          workloadFinding(
            workload,
            `${workload.specPath}.securityContext.seccompProfile.type`,
            'the pod sets seccompProfile.type to Unconfined',
          ),
        );
      }
      for (const located of locatedContainers(workload)) {
        const own = located.container.securityContext?.seccompProfile?.type;
        const path = `${located.path}.securityContext.seccompProfile.type`;
        if (own !== undefined && !CONFINED.has(own)) {
          report(
            workloadFinding(
              workload,
              path,
              `${describeContainer(located)} sets seccompProfile.type to ${own}; use RuntimeDefault or Localhost`,
            ),
          );
        } else if (own === undefined && !CONFINED.has(podType ?? '')) {
          report(
            workloadFinding(
              workload,
              path,
              `${describeContainer(located)} has no seccomp profile: set seccompProfile.type to RuntimeDefault in the container's or the pod's securityContext`,
            ),
          );
        }
      }
    }
  },
};

export const readOnlyRootFilesystemRule = containerRule({
  id: 'pod-security.read-only-root-filesystem',
  severity: 'error',
  rationale:
    "A read-only root file system keeps an intruder from changing the container's binaries; writable paths come from volumes.",
  checkContainer({ located, report }) {
    const security = securityOf(located);
    if (security.readOnlyRootFilesystem !== true) {
      report(
        `${located.path}.securityContext.readOnlyRootFilesystem`,
        `${describeContainer(located)} does not set readOnlyRootFilesystem to true`,
      );
    }
  },
});

export const hostPathRule: PolicyRule = {
  id: 'pod-security.host-path',
  severity: 'error',
  rationale: "A hostPath volume exposes the node's file system to the pod.",
  check(environment, report) {
    for (const workload of inventoryOf(environment).workloads) {
      for (const volume of workload.spec.volumes ?? []) {
        if (volume.hostPath) {
          report(
            workloadFinding(
              workload,
              `${workload.specPath}.volumes[name=${volume.name}].hostPath`,
              `volume "${volume.name}" mounts the node's ${volume.hostPath.path}`,
            ),
          );
        }
      }
    }
  },
};

export const hostNamespacesRule: PolicyRule = {
  id: 'pod-security.host-namespaces',
  severity: 'error',
  rationale: "Sharing the node's network, process or IPC namespace lets a pod see and reach everything on the node.",
  check(environment, report) {
    for (const workload of inventoryOf(environment).workloads) {
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
        if (workload.spec[field] === true)
          report(workloadFinding(workload, `${workload.specPath}.${field}`, `the pod sets ${field}: true`));
      }
    }
  },
};

export const hostPortsRule = containerRule({
  id: 'pod-security.host-ports',
  severity: 'error',
  rationale: "A host port binds the node's address, bypassing Services and NetworkPolicies.",
  checkContainer({ located, report }) {
    for (const port of located.container.ports ?? []) {
      if (port.hostPort) {
        const id = port.name ? `name=${port.name}` : `containerPort=${port.containerPort}`;
        report(
          `${located.path}.ports[${id}].hostPort`,
          `${describeContainer(located)} binds host port ${port.hostPort}`,
        );
      }
    }
  },
});

export const privilegedRule = containerRule({
  id: 'pod-security.privileged',
  severity: 'error',
  rationale: 'A privileged container has every capability and every device of the node.',
  checkContainer({ located, report }) {
    const security = securityOf(located);
    if (security.privileged === true)
      report(`${located.path}.securityContext.privileged`, `${describeContainer(located)} is privileged`);
  },
});

export const podSecurityRules: PolicyRule[] = [
  runAsNonRootRule,
  privilegeEscalationRule,
  capabilitiesRule,
  seccompRule,
  readOnlyRootFilesystemRule,
  hostPathRule,
  hostNamespacesRule,
  hostPortsRule,
  privilegedRule,
];
