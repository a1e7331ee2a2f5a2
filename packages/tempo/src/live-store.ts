import {
  type BuildContext,
  type IPodDisruptionBudget,
  type IService,
  type IServiceMonitor,
  type IStatefulSet,
  standardLabels,
} from '@platform/core';
import { databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { liveStoreName } from './endpoints.js';

/** The label every live-store pod carries, whatever its zone: the one PodDisruptionBudget selects on it. */
const LIVE_STORE_GROUP = { 'rollout-group': 'live-store' } as const;

/** Live-stores finish cutting blocks and hand over their partition before they stop. */
const LIVE_STORE_GRACE_SECONDS = 1200;

/** The objects of each zone, named by {@link liveStorePart}: `live_store_zone_a_statefulset` ... */
export type LiveStoreZoneObjects = { [K: `live_store_${string}_statefulset`]: IStatefulSet } & {
  [K: `live_store_${string}_service`]: IService;
} & { [K: `live_store_${string}_servicemonitor`]: IServiceMonitor };

export type LiveStoreObjects = { live_store_pdb: IPodDisruptionBudget } & LiveStoreZoneObjects;

/** `zone-a` → `live_store_zone_a`: the object name prefix of a zone. */
function liveStorePart(zone: string): string {
  return `live_store_${zone.replace(/-/g, '_')}`;
}

/**
 * microservices: one live-store StatefulSet per zone. Pod `live-store-<zone>-N` owns partition N (Tempo derives
 * it from the pod name), consumes it from Kafka and serves its recent traces to queriers. Zones are kept off
 * each other's nodes where possible, and one PodDisruptionBudget over all zones lets only one live-store go at a
 * time, so every partition keeps an owner.
 */
export function liveStores(context: BuildContext<TempoConfig>, database: GrafanaDatabase): LiveStoreObjects {
  const { zones, partitions, resources, storageSize, storageClassName } = context.config.liveStore;
  const objects: Record<string, unknown> = {};
  for (const zone of zones) {
    const name = liveStoreName(zone);
    const zoneObjects = databaseTarget(
      context,
      database,
      'statefulset',
      {
        name,
        target: 'live-store',
        extraArgs: [`-live-store.instance-availability-zone=${zone}`],
        replicas: partitions,
        resources,
        storageSize,
        storageClassName,
        terminationGracePeriodSeconds: LIVE_STORE_GRACE_SECONDS,
        podLabels: LIVE_STORE_GROUP,
      },
      { pdb: false },
    );
    zoneObjects[`${liveStorePart(zone)}_statefulset`]!.spec!.template.spec!.affinity = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: {
                matchLabels: { 'app.kubernetes.io/instance': context.name, ...LIVE_STORE_GROUP },
                matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'NotIn', values: [name] }],
              },
            },
          },
        ],
      },
    };
    Object.assign(objects, zoneObjects);
  }
  objects.live_store_pdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'live-store', namespace: context.namespace, labels: standardLabels(context.name, 'live-store') },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/instance': context.name, ...LIVE_STORE_GROUP } },
    },
  } satisfies IPodDisruptionBudget;
  return objects as LiveStoreObjects;
}
