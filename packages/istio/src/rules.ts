import type { INetworkPolicy, KubeObject, PolicyRule, RenderedEnvironment } from '@platform/core';
import { ISTIO_NAMESPACE } from './chart.js';
import type { IPeerAuthentication } from './kinds.js';

const INJECTION_LABEL = 'istio-injection';
const NAME_LABEL = 'kubernetes.io/metadata.name';

type Mode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET' | undefined;

const set = (mode: Mode): mode is Exclude<Mode, 'UNSET' | undefined> => mode !== undefined && mode !== 'UNSET';

/** Whether `selector` (a PeerAuthentication's) selects every pod `podSelector` (a NetworkPolicy's) selects. */
function selects(selector: Record<string, string>, podSelector: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => podSelector[key] === value);
}

/**
 * The mTLS mode of a port of the pods a NetworkPolicy selects, composed as istiod composes it
 * (`pilot/pkg/security/authn/policy_applier.go:398-466` at 1.30.3): the mesh-level policy (no selector, root
 * namespace), then the namespace-level one, then the workload-level one (a selector) and its port-level modes, an
 * UNSET mode inheriting from the wider scope; PERMISSIVE when none applies. Istio applies only the oldest
 * workload-level policy of a workload, which a render cannot know: several are `ambiguous`.
 */
function modeFor(
  authentications: IPeerAuthentication[],
  namespace: string,
  pods: Record<string, string>,
  port: number | undefined,
): Mode | 'ambiguous' {
  const unselected = (a: IPeerAuthentication) => Object.keys(a.spec?.selector?.matchLabels ?? {}).length === 0;
  const mesh = authentications.find((a) => a.metadata?.namespace === ISTIO_NAMESPACE && unselected(a));
  const own = authentications.filter((a) => a.metadata?.namespace === namespace);
  const workloads = own.filter((a) => !unselected(a) && selects(a.spec!.selector!.matchLabels!, pods));
  if (workloads.length > 1) return 'ambiguous';
  let mode: Mode = 'PERMISSIVE';
  for (const scope of [mesh, own.find(unselected), workloads[0]])
    if (set(scope?.spec?.mtls?.mode as Mode)) mode = scope!.spec!.mtls!.mode as Mode;
  const portMode = port === undefined ? undefined : (workloads[0]?.spec?.portLevelMtls?.[String(port)]?.mode as Mode);
  return set(portMode) ? portMode : mode;
}

function namespaceMeshing(rendered: RenderedEnvironment): Map<string, boolean> {
  const result = new Map<string, boolean>();
  for (const { object } of rendered.objects)
    if (object.kind === 'Namespace' && object.metadata?.name)
      result.set(object.metadata.name, object.metadata.labels?.[INJECTION_LABEL] === 'enabled');
  return result;
}

/**
 * Under STRICT mutual TLS a meshed pod's sidecar refuses plain-text connections, and callers outside the mesh
 * (node agents such as Alloy, namespaces kept out with `outsideMesh`) have no sidecar to speak mTLS: every
 * NetworkPolicy that admits such a caller to a numbered port of a meshed namespace needs a PERMISSIVE (or DISABLE)
 * mode for that port, or the traffic the policy allows is refused at the proxy, with no error anywhere but the
 * caller's logs. The mode is composed as istiod composes it ({@link modeFor}).
 */
export const unmeshedCallersRule: PolicyRule = {
  id: 'istio.unmeshed-callers',
  severity: 'error',
  rationale:
    'A NetworkPolicy that admits a caller without a sidecar to a meshed pod under STRICT mTLS allows traffic the proxy then refuses: a silent outage.',
  check(rendered, report) {
    const meshed = namespaceMeshing(rendered);
    if (![...meshed.values()].some(Boolean)) return;
    const objects = rendered.objects.map((o) => o.object as KubeObject);
    const authentications = objects.filter(
      (o): o is IPeerAuthentication =>
        o.kind === 'PeerAuthentication' && o.apiVersion?.startsWith('security.istio.io/') === true,
    );
    for (const { component, object } of rendered.objects) {
      if (object.kind !== 'NetworkPolicy') continue;
      const policy = object as INetworkPolicy;
      const namespace = policy.metadata?.namespace;
      if (!namespace || meshed.get(namespace) !== true) continue;
      const pods = policy.spec?.podSelector?.matchLabels ?? {};
      (policy.spec?.ingress ?? []).forEach((rule, index) => {
        const callers = (rule.from ?? [])
          .map((peer) => peer.namespaceSelector?.matchLabels?.[NAME_LABEL])
          .filter((name): name is string => name !== undefined && meshed.get(name) === false);
        if (callers.length === 0) return;
        const ports = (rule.ports ?? []).map((p) => p.port);
        // A rule without ports admits every port (a metrics scraper): the workload's or namespace's mode decides.
        for (const port of ports.length > 0 ? ports : [undefined]) {
          if (port !== undefined && typeof port !== 'number') continue;
          const mode = modeFor(authentications, namespace, pods, port);
          if (mode === 'ambiguous') {
            report({
              component,
              object: policy,
              path: `spec.ingress[${index}]`,
              message: `the pods of this policy in meshed namespace "${namespace}" are selected by several workload-level PeerAuthentications; Istio applies only the oldest, so which mode admits ${callers.map((c) => `"${c}"`).join(', ')} (outside the mesh) depends on creation order: merge them into one`,
            });
            break;
          }
          if (mode !== 'STRICT') continue;
          report({
            component,
            object: policy,
            path: `spec.ingress[${index}]${port === undefined ? '' : '.ports'}`,
            message: `admits ${callers.map((c) => `"${c}"`).join(', ')} (outside the mesh) to ${port === undefined ? 'every port' : `port ${port}`} of meshed namespace "${namespace}", where STRICT mTLS refuses callers without a sidecar; give the port a PERMISSIVE PeerAuthentication, or mesh the callers`,
          });
        }
      });
    }
  },
};

/** The check rules `@platform/istio` brings to every environment that composes it. */
export const istioRules: PolicyRule[] = [unmeshedCallersRule];
