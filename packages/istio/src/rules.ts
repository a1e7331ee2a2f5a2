import type { INetworkPolicy, KubeObject, PolicyRule, RenderedEnvironment } from '@platform/core';
import type { IPeerAuthentication } from './kinds.js';

const INJECTION_LABEL = 'istio-injection';
const NAME_LABEL = 'kubernetes.io/metadata.name';

type Mode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET' | undefined;

/** Whether `selector` (a PeerAuthentication's) selects every pod `podSelector` (a NetworkPolicy's) selects. */
function selects(selector: Record<string, string> | undefined, podSelector: Record<string, string>): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => podSelector[key] === value);
}

/** The mTLS mode that applies to a port of the pods a NetworkPolicy selects, most specific PeerAuthentication first. */
function modeFor(
  authentications: IPeerAuthentication[],
  meshWide: Mode,
  namespace: string,
  pods: Record<string, string>,
  port: number,
): Mode {
  const own = authentications.filter((a) => a.metadata?.namespace === namespace);
  const withSelector = own.filter((a) => a.spec?.selector?.matchLabels && selects(a.spec.selector.matchLabels, pods));
  for (const a of withSelector) {
    const portMode = a.spec?.portLevelMtls?.[String(port)]?.mode as Mode;
    if (portMode && portMode !== 'UNSET') return portMode;
  }
  for (const a of withSelector) if (a.spec?.mtls?.mode && a.spec.mtls.mode !== 'UNSET') return a.spec.mtls.mode as Mode;
  const namespaceWide = own.find((a) => !a.spec?.selector)?.spec?.mtls?.mode as Mode;
  if (namespaceWide && namespaceWide !== 'UNSET') return namespaceWide;
  return meshWide ?? 'PERMISSIVE';
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
 * caller's logs. Istio resolves the mode workload selector first, then namespace, then the root namespace's
 * mesh-wide policy (`PeerAuthentication` reference, security/v1).
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
    const meshWide = authentications.find(
      (a) => !a.spec?.selector && a.metadata?.name === 'default' && a.metadata.namespace === 'istio-system',
    )?.spec?.mtls?.mode as Mode;
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
          const mode = modeFor(authentications, meshWide, namespace, pods, port ?? -1);
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
