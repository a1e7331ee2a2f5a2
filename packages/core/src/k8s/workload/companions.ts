import type { BuildContext } from '../../model/definition.js';
import type { IContainer, IServicePort } from '../../registry/kubernetes-types.js';
import { selectorLabels, standardLabels } from '../labels.js';
import type { WorkloadObjects, WorkloadOptions } from './options.js';

function namedPorts(containers: IContainer[], only?: string[]): IServicePort[] {
  const ports: IServicePort[] = [];
  for (const container of containers) {
    for (const port of container.ports ?? []) {
      if (!port.name || (only && !only.includes(port.name)) || ports.some((p) => p.name === port.name)) continue;
      ports.push({
        name: port.name,
        port: port.containerPort,
        targetPort: port.name,
        protocol: port.protocol ?? 'TCP',
      });
    }
  }
  return ports;
}

export function companions<W>(
  context: BuildContext<unknown>,
  options: WorkloadOptions,
  workload: W,
  pdbByDefault: boolean,
): WorkloadObjects<W> {
  const labels = standardLabels(context.name, options.name);
  const selector = selectorLabels(context.name, options.name);
  const result: WorkloadObjects<W> = { workload };
  if (options.service !== false) {
    const service = options.service ?? {};
    result.service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: service.name ?? options.name,
        namespace: context.namespace,
        labels: { ...labels, ...selector },
      },
      spec: {
        ...(service.headless ? { clusterIP: 'None' } : {}),
        ...(service.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
        selector,
        ports: namedPorts(options.containers, service.ports),
      },
    };
  }
  if (options.pdb !== false && (options.pdb !== undefined || pdbByDefault)) {
    result.pdb = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: options.name, namespace: context.namespace, labels },
      spec: { maxUnavailable: options.pdb?.maxUnavailable ?? 1, selector: { matchLabels: selector } },
    };
  }
  const metricsPort = options.serviceMonitor === false ? undefined : (options.serviceMonitor?.port ?? 'http-metrics');
  const exposesMetrics = options.containers.some((c) => c.ports?.some((p) => p.name === metricsPort));
  if (metricsPort && exposesMetrics && result.service && context.environment.settings.serviceMonitors) {
    const monitor = options.serviceMonitor || {};
    result.serviceMonitor = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: options.name, namespace: context.namespace, labels },
      spec: {
        selector: { matchLabels: selector },
        endpoints: [{ port: metricsPort, path: monitor.path ?? '/metrics', interval: monitor.interval ?? '30s' }],
      },
    };
  }
  return result;
}
