import { type BuildContext, type IStatefulSet, type NamedWorkloadObjects, namedWorkloadObjects } from '@platform/core';
import type { ThanosConfig } from './config.js';
import { WORKLOAD } from './layout.js';
import { thanosPod } from './pods.js';

/**
 * The compactor (`thanos-compact`): compacts the sidecars' 2h blocks, downsamples them to 5m and 1h resolution and
 * deletes each resolution after its retention (`--retention.resolution-raw`, `-5m`, `-1h`; `--downsampling.disable`;
 * `--wait` keeps it running; `cmd/thanos/compact.go:761-775` at v0.42.4). Two compactors on one bucket corrupt it,
 * so exactly one runs (its PodDisruptionBudget allows the one eviction a drain needs).
 */
export function compactor(
  context: BuildContext<ThanosConfig>,
): NamedWorkloadObjects<'compactor', 'statefulset', IStatefulSet> {
  const { config } = context;
  const settings = config.compactor;
  const objects = thanosPod(context, {
    name: WORKLOAD.compactor,
    command: 'compact',
    grpc: false,
    image: config.image,
    replicas: 1,
    resources: settings.resources,
    logLevel: config.logLevel,
    objectStorage: true,
    storage: settings.storage,
    antiAffinity: 'none',
    args: [
      '--wait',
      `--retention.resolution-raw=${settings.retention.raw}`,
      `--retention.resolution-5m=${settings.retention.fiveMinutes}`,
      `--retention.resolution-1h=${settings.retention.oneHour}`,
      ...(settings.downsampling ? [] : ['--downsampling.disable']),
    ],
  });
  return namedWorkloadObjects('compactor', 'statefulset', objects as { workload: IStatefulSet });
}
