import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The rulers' objects (none when the ruler is disabled). */
export type RulerObjects = Partial<DatabaseTargetObjects<'ruler', 'deployment'>>;

/**
 * Rulers evaluate each tenant's recording and alerting rules (stored in the ruler bucket, sharded over the
 * ruler ring), query ingesters and store-gateways themselves, write results through the ingesters and send
 * alerts to the Alertmanager. Rule files are staged under `/data/rules`.
 */
export function ruler(build: MimirBuild): RulerObjects {
  const settings = build.context.config.ruler;
  if (!settings.enabled) return {};
  return mimirTarget(build, 'deployment', 'ruler', {
    // Rule evaluations write to the ingesters; allow them longer than a distributor's 2 s (Jsonnet does the same).
    flags: { 'distributor.remote-timeout': '10s' },
    terminationGracePeriodSeconds: 600,
    antiAffinity: 'preferred',
    rollout: { maxSurge: '50%', maxUnavailable: 0 },
  });
}
