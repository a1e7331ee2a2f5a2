import { type ConfigChecks, isDnsLabel } from '@platform/core';
import type { ScheduleTiming, VeleroConfig } from './config.js';

function checkTiming(checks: ConfigChecks, path: string, timing: ScheduleTiming): void {
  // The cron grammar (robfig/cron ParseStandard, velero pkg/controller/schedule_controller.go:199) is not judged
  // here: core has no cron check yet (proposed), and Velero reports a bad one as the Schedule's FailedValidation.
  checks.require(timing.cron.trim() !== '', `${path}.cron`, 'a Schedule needs a cron schedule');
  checks.duration(`${path}.ttl`, timing.ttl, 'go');
}

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: VeleroConfig, checks: ConfigChecks): void {
  checkTiming(checks, 'statefulSchedule', config.statefulSchedule);
  checkTiming(checks, 'certificates', config.certificates);
  for (const [component, mark] of Object.entries(config.stateful)) {
    const path = `stateful.${component}`;
    checks.require(isDnsLabel(component), path, 'expected a component name (a DNS label)');
    const reason = typeof mark === 'string' ? mark : mark?.reason;
    checks.require(typeof reason === 'string' && reason.trim() !== '', path, 'say why its namespace must be backed up');
    if (typeof mark === 'object' && mark !== null)
      checks.oneOf(`${path}.volumes`, mark.volumes, ['filesystem', 'none']);
  }
  for (const part of ['server', 'nodeAgent', 'plugin', 'maintenance'] as const)
    checks.resources(`resources.${part}`, config.resources[part]);
  checks.oneOf('logLevel', config.logLevel, ['debug', 'info', 'warning', 'error']);
  checks.integer('alerts.maxBackupAgeHours', config.alerts.maxBackupAgeHours, { min: 1 });
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
  checks.require(
    config.credentialsKey === undefined || config.credentialsKey.trim() !== '',
    'credentialsKey',
    'give the path of the key pair in the secret store, or leave it out',
  );
}
