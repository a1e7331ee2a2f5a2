import type { BuildContext } from '../../model/definition.js';
import type {
  IHorizontalPodAutoscaler,
  IPodDisruptionBudget,
  IService,
  IServiceMonitor,
  IServicePort,
} from '../../registry/kubernetes-types.js';
import { selectorLabels, standardLabels } from '../labels.js';
import type { VerticalPodAutoscalerObject } from '../vertical-scaling.js';
import type { WorkloadObjects } from './options.js';

/**
 * A workload's objects under Jsonnet-style names: `<part>_<kind>` (e.g. `distributor_deployment`) plus its
 * `<part>_service`, `<part>_pdb`, `<part>_servicemonitor`, `<part>_hpa` and `<part>_vpa` where rendered.
 */
export type NamedWorkloadObjects<P extends string, K extends string, W> = { [X in `${P}_${K}`]: W } & {
  [X in `${P}_service`]?: IService;
} & { [X in `${P}_pdb`]?: IPodDisruptionBudget } & { [X in `${P}_servicemonitor`]?: IServiceMonitor } & {
  [X in `${P}_hpa`]?: IHorizontalPodAutoscaler;
} & { [X in `${P}_vpa`]?: VerticalPodAutoscalerObject };

/** Names the objects of a workload helper: `namedWorkloadObjects('distributor', 'deployment', deployment(...))`. */
export function namedWorkloadObjects<P extends string, K extends string, W>(
  part: P,
  kind: K,
  objects: WorkloadObjects<W>,
): NamedWorkloadObjects<P, K, W> {
  return {
    [`${part}_${kind}`]: objects.workload,
    ...(objects.service ? { [`${part}_service`]: objects.service } : {}),
    ...(objects.pdb ? { [`${part}_pdb`]: objects.pdb } : {}),
    ...(objects.serviceMonitor ? { [`${part}_servicemonitor`]: objects.serviceMonitor } : {}),
    ...(objects.hpa ? { [`${part}_hpa`]: objects.hpa } : {}),
    ...(objects.vpa ? { [`${part}_vpa`]: objects.vpa } : {}),
  } as NamedWorkloadObjects<P, K, W>;
}

/**
 * A headless Service over a workload's pods that also lists them before they are ready, for clients that connect
 * to every pod (`dns+` discovery of schedulers, frontends and index gateways; cluster peers). It is labelled with
 * its own name and without the workload's selector labels, so the workload's ServiceMonitor (which selects on
 * those) does not scrape the pods a second time through it.
 */
export function discoveryService(
  context: BuildContext<unknown>,
  name: string,
  workload: string,
  ports: IServicePort[],
): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: context.namespace, labels: standardLabels(context.name, name) },
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: selectorLabels(context.name, workload),
      ports,
    },
  };
}
