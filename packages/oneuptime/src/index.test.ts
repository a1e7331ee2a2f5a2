import {
  DELIVERY_RULES,
  firstSyncPlan,
  firstSyncShareRule,
  type KubeObject,
  type PolicyRule,
  type RenderedEnvironment,
} from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { oneuptimeEnvironment, SECRETS_CONFIG } from './fixtures.test-helpers.js';
import { CHART, defaults, oneuptime } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: chart values are untyped trees that the tests read by path
type Values = Record<string, any>;

async function render(config: Parameters<typeof oneuptimeEnvironment>[0] = {}, overrides = {}) {
  const result = await renderForTest(oneuptimeEnvironment(config), overrides);
  const part = (name: string) => result.rendered.components.find((c) => c.name === name)!;
  return {
    ...result,
    app: part('oneuptime'),
    stores: part('oneuptime-stores'),
    migrate: part('oneuptime-migrate'),
    migrateValues: part('oneuptime-migrate').helm!.values as Values,
    values: part('oneuptime').helm!.values as Values,
    storesValues: part('oneuptime-stores').helm!.values as Values,
  };
}

function ruleProblems(rendered: RenderedEnvironment, rule: PolicyRule = firstSyncShareRule()): string[] {
  const messages: string[] = [];
  rule.check(rendered, (problem: { message: string }) => messages.push(problem.message), {});
  return messages;
}

/** Every value path of an object, `a.b.c`, for leaves. */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('oneuptime', () => {
  it('installs the pinned chart three times: the stores, the migrations, then every service, in that order', async () => {
    const { app, stores, migrate, values, storesValues, migrateValues, rendered } = await render();
    for (const part of [app, stores, migrate])
      expect(part.helm).toMatchObject({ chart: 'oneuptime', version: '12.0.16', repoURL: CHART.repoURL });
    expect(app.helm!.releaseName).toBe('oneuptime');
    expect(stores.helm!.releaseName).toBe('oneuptime-stores');
    expect(migrate.helm!.releaseName).toBe('oneuptime-migrate');
    // Only the migration Job in the migrations install, on the same stores as the services.
    expect(migrateValues.migrate).toMatchObject({ enabled: true, hook: false });
    expect(values.migrate.enabled).toBe(false);
    for (const service of ['app', 'worker', 'telemetryWriter', 'runner', 'nginx', 'home'])
      expect(migrateValues[service].enabled).toBe(false);
    expect(migrateValues.probes.one.enabled).toBe(false);
    expect(migrateValues.deployment.disableDeployments).toBeUndefined();
    expect(migrateValues.externalClickhouse).toEqual(values.externalClickhouse);
    expect(migrateValues.externalPostgres).toEqual(values.externalPostgres);
    // The stores install runs no OneUptime service; the application install no store.
    expect(storesValues.deployment.disableDeployments).toBe(true);
    expect([storesValues.clickhouse.enabled, storesValues.redis.enabled]).toEqual([true, true]);
    expect([values.clickhouse.enabled, values.redis.enabled, values.postgresql.enabled]).toEqual([false, false, false]);
    expect(values.externalClickhouse).toMatchObject({
      host: 'oneuptime-stores-clickhouse.oneuptime.svc.cluster.local',
      port: 8123,
      existingSecret: { name: 'oneuptime-clickhouse-auth', passwordKey: 'password' },
    });
    expect(values.externalRedis).toMatchObject({
      host: 'oneuptime-stores-redis-master.oneuptime.svc.cluster.local',
      port: 6379,
      existingSecret: { name: 'oneuptime-redis-auth' },
    });
    expect(values.externalPostgres).toMatchObject({
      host: 'oneuptime-db-rw.oneuptime.svc.cluster.local',
      port: 5432,
      username: 'oneuptime',
      database: 'oneuptime',
      existingSecret: { passwordKey: 'password' },
    });
    // Database and stores, then the migrations, then the services: each a later sync step.
    const step = (name: string) => rendered.steps.findIndex((s) => s.components.includes(name));
    expect(step('oneuptime-migrate')).toBeGreaterThan(step('oneuptime-stores'));
    expect(step('oneuptime-migrate')).toBeGreaterThan(step('oneuptime-db'));
    expect(step('oneuptime')).toBeGreaterThan(step('oneuptime-migrate'));
  });

  it('owns its namespace at Pod Security baseline, with its own services restricted and the probe without NET_RAW', async () => {
    const { objects, values } = await render();
    const namespace = objects('oneuptime-stores').namespace as KubeObject;
    expect(namespace.metadata!.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    for (const service of ['app', 'runner'])
      expect(values[service].podSecurityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(values.probeContainerSecurityContext.capabilities.add).not.toContain('NET_RAW');
    expect(values.probeContainerSecurityContext.capabilities.drop).toEqual(['ALL']);
  });

  it('pins every image: the app version, never the chart default tags `release`, `alpine` or `latest`', async () => {
    const { values, storesValues } = await render();
    expect(values.image).toMatchObject({ repository: 'oneuptime', tag: '12.0.16' });
    expect(storesValues.redis.image.tag).toBe('7.0.12');
    expect(storesValues.clickhouse.image.tag).toBe('26.7');
    expect(values.deployment.includeTimestampLabel).toBe(false);
    expect(storesValues.deployment.includeTimestampLabel).toBe(false);
  });

  it('puts no secret value in the chart values and renders no Secret, only ExternalSecrets', async () => {
    const { rendered, objects, values, storesValues, migrateValues } = await render();
    for (const v of [values, storesValues, migrateValues]) {
      const paths = leaves(v);
      expect(paths.filter((p) => /password$|secret$|key$/i.test(p) && !/existingSecret|passwordKey/.test(p))).toEqual(
        [],
      );
      for (const key of ['oneuptimeSecret', 'encryptionSecret', 'registerProbeKey'])
        expect(v.externalSecrets[key].existingSecret.name).toBe('oneuptime-platform-secrets');
    }
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    const platform = objects('oneuptime').platform_secrets_externalsecret as KubeObject & {
      spec: { data: Array<{ secretKey: string }> };
    };
    expect(platform.spec.data.map((d) => d.secretKey).sort()).toEqual([
      'encryption-secret',
      'oneuptime-secret',
      'register-probe-key',
    ]);
    expect(
      Object.keys(objects('oneuptime-stores'))
        .filter((k) => k.endsWith('_externalsecret'))
        .sort(),
    ).toEqual(['clickhouse_auth_externalsecret', 'redis_auth_externalsecret']);
  });

  it('sets only values the pinned chart reads', async () => {
    const { rendered } = await render();
    const chartValues = DELIVERY_RULES.find((r) => r.id === 'delivery.chart-values')!;
    expect(ruleProblems(rendered, chartValues)).toEqual([]);
  });

  it('counts the chart pods of every part in the first-sync plan, each part in its own step', async () => {
    const { rendered } = await render({ app: { ...defaults.app, replicas: 3 } });
    const plan = firstSyncPlan(rendered);
    const stepOf = (name: string) => plan.steps.find((s) => s.components.includes(name))!;
    const stores = stepOf('oneuptime-stores');
    const migrate = stepOf('oneuptime-migrate');
    const app = stepOf('oneuptime');
    expect(stores.wave).toBeLessThan(migrate.wave);
    expect(migrate.wave).toBeLessThan(app.wave);
    expect([...stores.uncounted, ...migrate.uncounted, ...app.uncounted]).toEqual([]);
    expect(migrate.stages.flatMap((s) => s.workloads).map((w) => w.workload)).toEqual([
      'Job/oneuptime-migrate-migrate-1',
    ]);
    const pods = (step: typeof app) => step.stages.flatMap((s) => s.workloads);
    expect(
      pods(stores)
        .map((w) => w.workload)
        .sort(),
    ).toEqual(['StatefulSet/oneuptime-stores-clickhouse-shard0', 'StatefulSet/oneuptime-stores-redis']);
    expect(pods(app).find((w) => w.workload === 'Deployment/oneuptime-app')).toMatchObject({ pods: 3, chart: true });
    expect(app.pods).toBe(3 + 1 + 1 + 1); // app, runner, probe, nginx
  });

  it("never starts more than the environment's share of pods in one wave, even where it is the only workload", async () => {
    const { rendered } = await render();
    const plan = firstSyncPlan(rendered);
    for (const step of plan.steps)
      for (const stage of step.stages)
        if (stage.workloads.some((w) => w.component.startsWith('oneuptime')))
          expect(stage.share).toBeLessThanOrEqual(plan.maxShare);
    expect(ruleProblems(rendered)).toEqual([]);
  });

  it("fails the first-sync share rule when one part's wave would start more than the share", async () => {
    const { rendered } = await render({ app: { ...defaults.app, replicas: 40 } });
    const problems = ruleProblems(rendered);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/stage 0 \(oneuptime\) starts 43 of the environment's 46 pods/);
  });

  it('names the field of a missing database and store path', async () => {
    const error = await renderError([
      ...oneuptimeEnvironment().slice(0, -3),
      ...oneuptime({ secrets: { ...SECRETS_CONFIG, redisPassword: { key: '' } } }),
    ]);
    expect(error).toMatch(/oneuptime › postgres/);
    expect(error).toMatch(/oneuptime-stores › secrets\.redisPassword\.key/);
  });
});
