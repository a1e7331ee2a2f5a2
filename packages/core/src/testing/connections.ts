import type { RenderedEnvironment } from '../model/rendered.js';
import type { INetworkPolicy, IService } from '../registry/kubernetes-types.js';
import { podSpec } from './views.js';

type MatchLabelsSelector = { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;

function matches(selector: MatchLabelsSelector, labels: Record<string, string>): boolean {
  if (selector?.matchExpressions?.length) throw new Error('connectionProblems judges matchLabels selectors only');
  return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

/**
 * Why pods of `component` could not connect to `address` (an in-cluster URL or `host:port` naming a rendered
 * Service), judged from the rendered NetworkPolicies of both namespaces; empty when the client's egress and the
 * server namespace's ingress both allow it. The client's pods are its rendered pod templates (only `workload`'s,
 * if given); the server's pods are judged by the Service's selector (a policy that selects those labels selects
 * every pod of the Service), so a fake store needs to render only the Service. Egress to IP blocks (`any`) counts
 * as allowed; matchExpressions are not supported.
 */
export function connectionProblems(
  rendered: RenderedEnvironment,
  component: string,
  address: string,
  workload?: string,
): string[] {
  const parsed = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.[a-z0-9.-]+)?:(\d+)/.exec(address);
  if (!parsed) return [`"${address}" is not an in-cluster address with a port`];
  const [, serviceName, namespace, portText] = parsed as unknown as [string, string, string, string];
  const objects = rendered.objects.map((o) => ({ component: o.component, object: o.object }));
  const service = objects.find(
    (o) =>
      o.object.kind === 'Service' &&
      o.object.metadata?.name === serviceName &&
      o.object.metadata?.namespace === namespace,
  )?.object as IService | undefined;
  if (!service?.spec?.selector) return [`no rendered Service ${namespace}/${serviceName} with a selector`];
  const servicePort = service.spec.ports?.find((p) => p.port === Number(portText));
  if (!servicePort) return [`Service ${namespace}/${serviceName} has no port ${portText}`];
  const serverPods = service.spec.selector;
  const podTemplates = (ns: string) =>
    objects
      .filter(
        (o) =>
          o.object.metadata?.namespace === ns && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.object.kind),
      )
      .map((o) => ({
        name: o.object.metadata!.name!,
        spec: podSpec(o.object),
        labels:
          (o.object as unknown as { spec: { template: { metadata?: { labels?: Record<string, string> } } } }).spec
            .template.metadata?.labels ?? {},
      }));
  // The Service's target as a number and as a container port name, whichever the policies name.
  const containerPorts = podTemplates(namespace)
    .filter((t) => Object.entries(serverPods).every(([k, v]) => t.labels[k] === v))
    .flatMap((t) => t.spec.containers.flatMap((c) => c.ports ?? []));
  const target = servicePort.targetPort ?? servicePort.port;
  const targetNumber =
    typeof target === 'number' ? target : containerPorts.find((p) => p.name === target)?.containerPort;
  const targetName = typeof target === 'string' ? target : containerPorts.find((p) => p.containerPort === target)?.name;
  const covers = (ports: Array<{ port?: number | string; protocol?: string }> | undefined) =>
    !ports ||
    ports.length === 0 ||
    ports.some(
      (p) =>
        (p.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP') &&
        (p.port === undefined || p.port === targetNumber || p.port === targetName),
    );
  const policies = (ns: string) =>
    objects
      .filter((o) => o.object.kind === 'NetworkPolicy' && o.object.metadata?.namespace === ns)
      .map((o) => o.object as INetworkPolicy);

  const clientNamespace = objects.find((o) => o.component === component)?.object.metadata?.namespace ?? component;
  const clients = podTemplates(clientNamespace).filter((t) => workload === undefined || t.name === workload);
  if (clients.length === 0) return [`component "${component}" renders no pods${workload ? ` named ${workload}` : ''}`];
  const namespaceLabels = (ns: string) => ({ 'kubernetes.io/metadata.name': ns });
  const problems: string[] = [];
  for (const client of clients) {
    const egress = policies(clientNamespace).some(
      (policy) =>
        (policy.spec?.policyTypes ?? []).includes('Egress') &&
        matches(policy.spec?.podSelector, client.labels) &&
        (policy.spec?.egress ?? []).some(
          (rule) =>
            covers(rule.ports) &&
            (!rule.to ||
              rule.to.length === 0 ||
              rule.to.some(
                (peer) =>
                  peer.ipBlock !== undefined ||
                  (peer.namespaceSelector !== undefined &&
                    matches(peer.namespaceSelector, namespaceLabels(namespace)) &&
                    matches(peer.podSelector, serverPods)) ||
                  (peer.namespaceSelector === undefined &&
                    namespace === clientNamespace &&
                    matches(peer.podSelector, serverPods)),
              )),
        ),
    );
    if (!egress)
      problems.push(
        `no NetworkPolicy in ${clientNamespace} lets ${client.name} connect to ${namespace}/${serviceName}:${servicePort.port}`,
      );
    const ingress = policies(namespace).some(
      (policy) =>
        (policy.spec?.policyTypes ?? ['Ingress']).includes('Ingress') &&
        matches(policy.spec?.podSelector, serverPods) &&
        (policy.spec?.ingress ?? []).some(
          (rule) =>
            covers(rule.ports) &&
            (!rule.from ||
              rule.from.length === 0 ||
              rule.from.some(
                (peer) =>
                  (peer.namespaceSelector !== undefined &&
                    matches(peer.namespaceSelector, namespaceLabels(clientNamespace)) &&
                    matches(peer.podSelector, client.labels)) ||
                  (peer.namespaceSelector === undefined &&
                    peer.ipBlock === undefined &&
                    namespace === clientNamespace &&
                    matches(peer.podSelector, client.labels)),
              )),
        ),
    );
    if (!ingress)
      problems.push(
        `no NetworkPolicy in ${namespace} admits ${clientNamespace}/${client.name} to ${serviceName}:${servicePort.port}`,
      );
  }
  return problems;
}
