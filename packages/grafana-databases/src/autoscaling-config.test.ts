import { ConfigChecks, PlatformError } from '@platform/core';
import { testBuildContext } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { checkAutoscaling } from './autoscaling-config.js';
import { databaseTarget } from './database-target.js';
import { database, resources } from './fixtures.test-helpers.js';

const context = testBuildContext('loki', {});

function problems(autoscaling: unknown): Array<{ path?: string; message: string }> {
  const checks = new ConfigChecks();
  checkAutoscaling(checks, 'querier', autoscaling as never, resources);
  return checks.problems;
}

describe('autoscaling of a database target', () => {
  it('renders an HPA over the Deployment, which leaves its count to it', () => {
    const objects = databaseTarget(context, database, 'deployment', {
      name: 'querier',
      replicas: 2,
      autoscaling: { min: 2, max: 6, cpu: 70 },
      resources,
    });
    expect(objects.querier_deployment.spec!.replicas).toBeUndefined();
    expect(objects.querier_hpa!.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'querier' },
      minReplicas: 2,
      maxReplicas: 6,
    });
  });

  it('refuses it on a StatefulSet, whose pods own ring tokens or data', () => {
    const build = () =>
      databaseTarget(context, database, 'statefulset', {
        name: 'ingester',
        autoscaling: { min: 3, max: 6 },
        resources,
      });
    expect(build).toThrow(PlatformError);
    expect(build).toThrow(/ingester\.autoscaling: a StatefulSet of a Grafana database owns ring tokens/);
  });
});

describe('checkAutoscaling', () => {
  it('accepts none and a complete one', () => {
    expect(problems(undefined)).toEqual([]);
    expect(problems({ min: 2, max: 6, cpu: 70 })).toEqual([]);
  });

  it('checks the fields the configuration shape leaves unchecked, at their configuration paths', () => {
    expect(problems(3)).toEqual([
      { path: 'querier.autoscaling', message: 'expected an object { min, max, cpu }, got 3' },
    ]);
    expect(problems({ min: 2, maks: 6 })).toEqual([
      {
        path: 'querier.autoscaling.maks',
        message: 'unknown field (did you mean "max"?); known fields: behavior, cpu, max, memory, min, scaler',
      },
      { path: 'querier.autoscaling.max', message: 'is required: the most pods to run' },
    ]);
    expect(problems({ min: 4, max: 2, cpu: 0 })).toEqual([
      { path: 'querier.autoscaling.cpu', message: 'expected a whole number of at least 1, got 0' },
      { path: 'querier.autoscaling.max', message: 'must be at least min (4), got 2' },
    ]);
  });
});
