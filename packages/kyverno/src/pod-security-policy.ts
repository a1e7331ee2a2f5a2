import type { BuildContext } from '@platform/core';
import { type Check, podPolicy } from './admission.js';
import type { KyvernoConfig } from './config.js';
import type { IValidatingPolicy } from './kinds.js';

/** Name of the ValidatingPolicy. */
export const POD_SECURITY_POLICY = 'platform-pod-security-restricted';

/**
 * The controls of Pod Security "restricted" that `pnpm check` proves for rendered pods (the `pod-security.*`
 * rules of @platform/policy, by the same ids), for every pod, chart output included. A container setting wins over
 * the pod's. Ephemeral containers come through `pods/ephemeralcontainers`, which this policy does not match
 * (debugging sessions stay possible). `read-only-root-filesystem` is not part of the profile and stays a
 * build-time rule: many upstream images write to their root file system.
 */
export const POD_SECURITY_CHECKS: Check[] = [
  {
    rule: 'pod-security.privileged',
    expression: 'variables.containers.all(c, !c.?securityContext.?privileged.orValue(false))',
    message: 'privileged containers are not allowed',
  },
  {
    rule: 'pod-security.privilege-escalation',
    expression: 'variables.containers.all(c, c.?securityContext.?allowPrivilegeEscalation.orValue(true) == false)',
    message: 'every container must set securityContext.allowPrivilegeEscalation: false',
  },
  {
    rule: 'pod-security.capabilities',
    expression:
      "variables.containers.all(c, c.?securityContext.?capabilities.?drop.orValue([]).exists(d, d == 'ALL') && c.?securityContext.?capabilities.?add.orValue([]).all(a, a == 'NET_BIND_SERVICE'))",
    message: 'every container must drop ALL capabilities and add back NET_BIND_SERVICE at most',
  },
  {
    rule: 'pod-security.run-as-non-root',
    expression:
      'variables.containers.all(c, c.?securityContext.?runAsNonRoot.orValue(object.spec.?securityContext.?runAsNonRoot.orValue(false)) == true && c.?securityContext.?runAsUser.orValue(object.spec.?securityContext.?runAsUser.orValue(1)) != 0)',
    message: 'runAsNonRoot must be true, on the pod or every container, and no container may run as user 0',
  },
  {
    rule: 'pod-security.seccomp',
    expression:
      "variables.containers.all(c, c.?securityContext.?seccompProfile.?type.orValue(object.spec.?securityContext.?seccompProfile.?type.orValue('')) in ['RuntimeDefault', 'Localhost'])",
    message: 'a RuntimeDefault or Localhost seccomp profile must apply to every container',
  },
  {
    rule: 'pod-security.host-namespaces',
    expression:
      '!object.spec.?hostNetwork.orValue(false) && !object.spec.?hostPID.orValue(false) && !object.spec.?hostIPC.orValue(false)',
    message: "the node's network, PID and IPC namespaces must not be shared",
  },
  {
    rule: 'pod-security.host-path',
    expression: 'object.spec.?volumes.orValue([]).all(v, !has(v.hostPath))',
    message: 'hostPath volumes are not allowed',
  },
  {
    rule: 'pod-security.host-ports',
    expression: 'variables.containers.all(c, c.?ports.orValue([]).all(p, p.?hostPort.orValue(0) == 0))',
    message: 'host ports are not allowed',
  },
];

/**
 * The restricted profile at run time. Namespaces whose Pod Security level is deliberately lower (`privileged` or
 * `baseline` on the namespace, set by components that declare `podSecurity`, with waivers in git) are skipped.
 */
export function podSecurityPolicy(context: BuildContext<KyvernoConfig>): IValidatingPolicy {
  const { policies } = context.config;
  const policy = podPolicy(
    context,
    POD_SECURITY_POLICY,
    policies.podSecurity.enforcement ?? policies.enforcement,
    POD_SECURITY_CHECKS,
  );
  policy.spec.matchConstraints!.namespaceSelector!.matchExpressions!.push({
    key: 'pod-security.kubernetes.io/enforce',
    operator: 'NotIn',
    values: ['baseline', 'privileged'],
  });
  return policy;
}
