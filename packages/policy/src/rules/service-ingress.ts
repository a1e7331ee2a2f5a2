import type {
  INetworkPolicy,
  INetworkPolicyPeer,
  INetworkPolicyPort,
  IService,
  KubeObject,
  PolicyRule,
  RenderedObject,
} from '@platform/core';
import { type Inventory, inventoryOf, type PodWorkload } from '../inventory.js';
import { isEmptySelector, type LabelSelector, selects, selectsByMap } from '../selectors.js';

/**
 * Egress without matching ingress: a component whose NetworkPolicies let its pods connect to a Service of
 * another namespace, while no NetworkPolicy there admits them, fails at run time with timeouts. The rule
 * pairs both sides statically. Precise semantics (also in the README):
 *
 * - A *flow* exists from namespace A to Service S in namespace B (A ≠ B) on a Service port when a
 *   NetworkPolicy in A that governs egress selects at least one rendered pod template of A (or A runs an
 *   upstream chart, whose pods are not rendered), and one of its egress rules has a peer whose
 *   `namespaceSelector` is not empty and matches B's labels (those of its rendered Namespace plus
 *   `kubernetes.io/metadata.name`), whose `podSelector` (absent = all) matches the pods S selects, and whose
 *   ports (absent = all) cover the port's target on those pods (named ports resolved through the containers).
 *   Peers that are IP blocks or select every namespace do not single out a destination and create no flow.
 * - The flow is *admitted* when, for every pod template S selects, some NetworkPolicy in B that governs
 *   ingress selects that template and has an ingress rule whose sources are unrestricted, or include a peer
 *   whose `namespaceSelector` matches A and whose `podSelector` (absent = all) matches one of the source pod
 *   templates (any, for chart namespaces), and whose ports (absent = all) cover the target port.
 * - Services without a selector, ExternalName Services and Services whose pods are not rendered are skipped.
 */

interface PortTarget {
  /** Service port, for messages: `8080 (http)`. */
  label: string;
  key: string;
  number?: number;
  name?: string;
  protocol: string;
}

function governs(policy: INetworkPolicy, type: 'Ingress' | 'Egress'): boolean {
  const types = policy.spec?.policyTypes;
  if (types) return types.includes(type);
  return type === 'Ingress' || (policy.spec?.egress ?? []).length > 0;
}

function covers(ports: INetworkPolicyPort[] | undefined, target: PortTarget): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== target.protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number')
      return (
        target.number !== undefined &&
        (p.endPort ? target.number >= p.port && target.number <= p.endPort : target.number === p.port)
      );
    return target.name === p.port;
  });
}

/** The Service's ports as they land on one pod template; ports whose named target the template lacks are left out. */
function targetsOn(service: IService, template: PodWorkload): PortTarget[] {
  const containerPorts = template.spec.containers.flatMap((c) => c.ports ?? []);
  const result: PortTarget[] = [];
  for (const port of service.spec?.ports ?? []) {
    const protocol = port.protocol ?? 'TCP';
    const target = port.targetPort ?? port.port;
    const label = port.name ? `${port.port} (${port.name})` : String(port.port);
    if (typeof target === 'number') {
      const named = containerPorts.find((c) => c.containerPort === target && (c.protocol ?? 'TCP') === protocol)?.name;
      result.push({ label, key: label, number: target, ...(named ? { name: named } : {}), protocol });
    } else {
      const found = containerPorts.find((c) => c.name === target);
      if (found) result.push({ label, key: label, number: found.containerPort, name: target, protocol });
    }
  }
  return result;
}

interface Source {
  component: string;
  namespace: string;
  policy: KubeObject;
  /** Pod templates the egress policy governs; `undefined` when the namespace's pods come from a chart. */
  templates: PodWorkload[] | undefined;
}

function namespaceLabels(inventory: Inventory, namespace: string): Record<string, string> {
  return inventory.namespaces.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace };
}

function admits(peer: INetworkPolicyPeer, source: Source, labels: Record<string, string>): boolean {
  if (!peer.namespaceSelector || !selects(peer.namespaceSelector as LabelSelector, labels)) return false;
  if (!peer.podSelector || isEmptySelector(peer.podSelector as LabelSelector) || source.templates === undefined)
    return true;
  return source.templates.some((t) => selects(peer.podSelector as LabelSelector, t.labels));
}

function admitted(
  ingress: INetworkPolicy[],
  source: Source,
  sourceLabels: Record<string, string>,
  template: PodWorkload,
  target: PortTarget,
): boolean {
  return ingress.some(
    (policy) =>
      selects((policy.spec?.podSelector ?? {}) as LabelSelector, template.labels) &&
      (policy.spec?.ingress ?? []).some(
        (rule) =>
          ((rule.from ?? []).length === 0 || rule.from!.some((peer) => admits(peer, source, sourceLabels))) &&
          covers(rule.ports, target),
      ),
  );
}

export const serviceIngressRule: PolicyRule = {
  id: 'network.service-ingress',
  severity: 'error',
  rationale: 'Egress allowed on one side but no ingress on the other fails at run time, as timeouts.',
  check(environment, report) {
    const inventory = inventoryOf(environment);
    const policies = new Map<string, INetworkPolicy[]>();
    const egress: RenderedObject[] = [];
    for (const rendered of inventory.ofKind('networking.k8s.io', 'NetworkPolicy')) {
      const policy = rendered.object as INetworkPolicy;
      const namespace = policy.metadata?.namespace ?? '';
      const list = policies.get(namespace);
      if (list) list.push(policy);
      else policies.set(namespace, [policy]);
      if (governs(policy, 'Egress') && (policy.spec?.egress ?? []).length > 0) egress.push(rendered);
    }
    const services = new Map<string, Array<{ rendered: RenderedObject; service: IService; pods: PodWorkload[] }>>();
    for (const rendered of inventory.ofKind('', 'Service')) {
      const service = rendered.object as IService;
      const selector = service.spec?.selector;
      if (!selector || Object.keys(selector).length === 0 || service.spec?.type === 'ExternalName') continue;
      const namespace = service.metadata?.namespace ?? '';
      const pods = inventory.workloadsIn(namespace).filter((w) => selectsByMap(selector, w.labels));
      if (pods.length === 0) continue;
      const list = services.get(namespace);
      if (list) list.push({ rendered, service, pods });
      else services.set(namespace, [{ rendered, service, pods }]);
    }

    // Findings by Service and source component: the Service ports not admitted, and the egress policy that opens them.
    const failures = new Map<
      string,
      { rendered: RenderedObject; source: Source; ports: Set<string>; names: string[] }
    >();
    for (const { component, object } of egress) {
      const policy = object as INetworkPolicy;
      const namespace = policy.metadata?.namespace ?? '';
      const templates = inventory.chartNamespaces.has(namespace)
        ? undefined
        : inventory
            .workloadsIn(namespace)
            .filter((w) => selects((policy.spec?.podSelector ?? {}) as LabelSelector, w.labels));
      if (templates !== undefined && templates.length === 0) continue;
      const source: Source = { component, namespace, policy: object, templates };
      const sourceLabels = namespaceLabels(inventory, namespace);
      for (const rule of policy.spec?.egress ?? []) {
        for (const peer of rule.to ?? []) {
          const namespaceSelector = peer.namespaceSelector as LabelSelector | undefined;
          if (!namespaceSelector || isEmptySelector(namespaceSelector)) continue;
          for (const [target, list] of services) {
            if (target === namespace || !selects(namespaceSelector, namespaceLabels(inventory, target))) continue;
            const ingress = (policies.get(target) ?? []).filter((p) => governs(p, 'Ingress'));
            for (const { rendered, service, pods } of list) {
              const reached =
                peer.podSelector && !isEmptySelector(peer.podSelector as LabelSelector)
                  ? pods.filter((t) => selects(peer.podSelector as LabelSelector, t.labels))
                  : pods;
              for (const template of reached) {
                for (const port of targetsOn(service, template)) {
                  if (!covers(rule.ports, port) || admitted(ingress, source, sourceLabels, template, port)) continue;
                  const key = `${target}/${service.metadata?.name}\u0000${component}`;
                  const entry = failures.get(key) ?? { rendered, source, ports: new Set<string>(), names: [] };
                  if (!entry.ports.has(port.key)) {
                    entry.ports.add(port.key);
                    entry.names.push(port.label);
                  }
                  failures.set(key, entry);
                }
              }
            }
          }
        }
      }
    }
    for (const { rendered, source, names } of failures.values()) {
      const service = rendered.object as IService;
      const only =
        names.length === 1
          ? (service.spec?.ports ?? []).find((p) => names[0] === (p.name ? `${p.port} (${p.name})` : String(p.port)))
          : undefined;
      report({
        component: rendered.component,
        object: rendered.object,
        path: only?.name ? `spec.ports[name=${only.name}]` : 'spec.ports',
        message: `component "${source.component}" may connect to Service "${service.metadata?.name}" on port${names.length === 1 ? '' : 's'} ${names.join(', ')}: its NetworkPolicy "${source.namespace}/${source.policy.metadata?.name}" allows the egress, but no NetworkPolicy in namespace "${service.metadata?.namespace}" admits ingress from namespace "${source.namespace}" on ${names.length === 1 ? 'that port' : 'those ports'}`,
      });
    }
  },
};
