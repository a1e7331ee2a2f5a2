import type { BuildContext } from '../../model/definition.js';
import { PlatformError, type Problem } from '../../model/errors.js';
import type { IContainer, IServicePort } from '../../registry/kubernetes-types.js';
import { autoscalingProblems, horizontalPodAutoscaler } from '../autoscaling.js';
import { selectorLabels, standardLabels } from '../labels.js';
import { verticalPodAutoscaler, verticalScalingProblems } from '../vertical-scaling.js';
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

/** The kinds of workload the helpers build. */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

/** What is wrong with a workload's autoscalers, before anything is built; thrown as one error. */
export function assertScalable(context: BuildContext<unknown>, options: WorkloadOptions, kind: WorkloadKind): void {
  const problems: Problem[] = [];
  if (options.autoscaling && kind === 'DaemonSet')
    problems.push({
      path: `${options.name}.autoscaling`,
      message: 'a DaemonSet runs one pod per node and cannot be scaled horizontally; remove autoscaling',
    });
  else if (options.autoscaling) {
    const pdb = options.pdb === false ? undefined : (options.pdb?.maxUnavailable ?? 1);
    const containers = options.containers;
    problems.push(...autoscalingProblems(options.name, options.autoscaling, containers, pdb));
  }
  const vpa = context.peers.find('verticalScaling');
  if (vpa && options.verticalScaling)
    problems.push(...verticalScalingProblems(options.name, options.verticalScaling, vpa, options.autoscaling));
  if (problems.length > 0) throw new PlatformError(problems);
}

/**
 * A workload's Service, PodDisruptionBudget, ServiceMonitor, HorizontalPodAutoscaler (with `autoscaling`) and
 * VerticalPodAutoscaler (when the environment has one).
 */
export function companions<W>(
  context: BuildContext<unknown>,
  options: WorkloadOptions,
  workload: W,
  pdbByDefault: boolean,
  kind: WorkloadKind,
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
  if (options.autoscaling && options.autoscaling.scaler !== 'external' && kind !== 'DaemonSet')
    result.hpa = horizontalPodAutoscaler(
      context,
      { kind, name: options.name, stage: options.stage },
      options.autoscaling,
    );
  if (options.verticalScaling !== false && context.peers.find('verticalScaling'))
    result.vpa = verticalPodAutoscaler(context, { kind, name: options.name }, options.verticalScaling);
  return result;
}
