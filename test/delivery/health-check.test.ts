/**
 * The ApplicationSet health check the platform installs, run by a real Lua 5.1 as Argo CD runs it (base and
 * table libraries only), over status fixtures of what Argo CD v3.4.4's ApplicationSet controller writes.
 */
import { APPLICATIONSET_HEALTH_KEY, APPLICATIONSET_HEALTH_LUA } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { checkCustomizationKey } from '../engines/customization-key.js';
import { runHealthScript } from '../engines/lua.js';

const upToDate = {
  type: 'ResourcesUpToDate',
  status: 'True',
  reason: 'ApplicationSetUpToDate',
  message: 'All applications have been generated successfully',
};

/** An ApplicationSet of the platform's (environment label, list elements) with the given status. */
function applicationSet(components: string[], status?: object) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'prod-platform-1', namespace: 'argocd', labels: { 'platform.dev/environment': 'prod' } },
    spec: { generators: [{ list: { elements: components.map((component) => ({ component })) } }] },
    ...(status ? { status } : {}),
  };
}

const app = (name: string, health: string, sync = 'Synced') => ({
  group: 'argoproj.io',
  version: 'v1alpha1',
  kind: 'Application',
  namespace: 'argocd',
  name,
  status: sync,
  health: { status: health },
});

async function health(object: object) {
  return runHealthScript(APPLICATIONSET_HEALTH_LUA, object);
}

describe('the ApplicationSet health check', () => {
  it('is installed under the argocd-cm key Argo CD reads custom health checks of argoproj.io/ApplicationSet from', () => {
    expect(
      checkCustomizationKey(APPLICATIONSET_HEALTH_KEY, {
        type: 'health',
        group: 'argoproj.io',
        kind: 'ApplicationSet',
      }),
    ).toEqual([]);
  });

  it('is Healthy when every generated Application is Healthy and Synced', async () => {
    const object = applicationSet(['mimir', 'loki'], {
      conditions: [upToDate],
      resources: [app('prod-loki', 'Healthy'), app('prod-mimir', 'Healthy')],
      resourcesCount: 2,
    });
    expect(await health(object)).toEqual({ status: 'Healthy', message: '2/2 Applications healthy and synced' });
  });

  it('is Progressing, naming the Application, while one is Progressing', async () => {
    const object = applicationSet(['mimir', 'loki'], {
      conditions: [upToDate],
      resources: [app('prod-loki', 'Progressing'), app('prod-mimir', 'Healthy')],
      resourcesCount: 2,
    });
    expect(await health(object)).toEqual({
      status: 'Progressing',
      message: '1/2 Applications healthy and synced; waiting for: prod-loki (Progressing, Synced)',
    });
  });

  it('is Degraded, naming the failing Applications, when one is Degraded or Missing although Synced', async () => {
    const object = applicationSet(['mimir', 'loki', 'tempo'], {
      conditions: [upToDate],
      resources: [app('prod-loki', 'Degraded'), app('prod-mimir', 'Healthy'), app('prod-tempo', 'Missing', 'Synced')],
      resourcesCount: 3,
    });
    expect(await health(object)).toEqual({
      status: 'Degraded',
      message:
        '1/3 Applications healthy and synced; failing: prod-loki (Degraded, Synced), prod-tempo (Missing, Synced)',
    });
  });

  it('waits, naming it, for an Application that is Missing because its first sync has not applied it yet', async () => {
    const object = applicationSet(['mimir'], {
      conditions: [upToDate],
      resources: [app('prod-mimir', 'Missing', 'OutOfSync')],
      resourcesCount: 1,
    });
    expect(await health(object)).toEqual({
      status: 'Progressing',
      message: '0/1 Applications healthy and synced; waiting for: prod-mimir (Missing, OutOfSync)',
    });
  });

  it('does not count an Application Healthy while it is OutOfSync (Argo CD 3.4 leaves resources not yet created out of its health)', async () => {
    const object = applicationSet(['mimir'], {
      conditions: [upToDate],
      resources: [app('prod-mimir', 'Healthy', 'OutOfSync')],
      resourcesCount: 1,
    });
    expect((await health(object)).status).toBe('Progressing');
  });

  it('is Suspended, naming the Application, when one is Suspended', async () => {
    const object = applicationSet(['mimir'], {
      conditions: [upToDate],
      resources: [app('prod-mimir', 'Suspended')],
      resourcesCount: 1,
    });
    expect(await health(object)).toEqual({
      status: 'Suspended',
      message: '0/1 Applications healthy and synced; suspended: prod-mimir (Suspended, Synced)',
    });
  });

  it('is Progressing before the controller reported any status', async () => {
    expect(await health(applicationSet(['mimir']))).toEqual({
      status: 'Progressing',
      message: 'Waiting for the ApplicationSet controller to report a status',
    });
    expect(await health(applicationSet(['mimir'], { conditions: [] }))).toEqual({
      status: 'Progressing',
      message: 'Waiting for the ApplicationSet controller to generate the Applications',
    });
  });

  it('is Progressing while an Application of its list is not generated yet (the status can be older than the spec)', async () => {
    const object = applicationSet(['mimir', 'loki'], {
      conditions: [upToDate],
      resources: [app('prod-mimir', 'Healthy')],
      resourcesCount: 1,
    });
    expect(await health(object)).toEqual({ status: 'Progressing', message: 'Waiting for prod-loki to be generated' });
  });

  it('is Healthy for an ApplicationSet that generates no Application (the controller omits resources then)', async () => {
    expect(await health(applicationSet([], { conditions: [upToDate] }))).toEqual({
      status: 'Healthy',
      message: 'Generates no Applications',
    });
  });

  it("is Degraded with the controller's message when generation failed (ErrorOccurred)", async () => {
    const error = {
      type: 'ErrorOccurred',
      status: 'True',
      reason: 'RenderTemplateParamsError',
      message: 'failed to execute go template: map has no entry for key "ignoreDifferences"',
    };
    const object = applicationSet(['mimir'], { conditions: [error, { ...upToDate, status: 'False' }] });
    expect(await health(object)).toEqual({ status: 'Degraded', message: `ApplicationSet error: ${error.message}` });
  });

  it('waits when the controller truncated status.resources', async () => {
    const object = applicationSet(['mimir'], {
      conditions: [upToDate],
      resources: [app('prod-mimir', 'Healthy')],
      resourcesCount: 6000,
    });
    expect(await health(object)).toEqual({
      status: 'Progressing',
      message: 'Only 1 of 6000 Applications are reported',
    });
  });

  it("works for ApplicationSets that are not the platform's (no environment label, other generators)", async () => {
    const object = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 'other' },
      spec: { generators: [{ git: {} }] },
      status: { conditions: [upToDate], resources: [app('x', 'Healthy')] },
    };
    expect(await health(object)).toEqual({ status: 'Healthy', message: '1/1 Applications healthy and synced' });
  });
});
