import { hungProcessProbe } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from './database-pod.js';
import { database, resources } from './fixtures.test-helpers.js';

const ring = database.ring!;

describe('targetWorkload', () => {
  it('runs one target of the binary with the shared config, a checksum, ring membership and an emptyDir for data', () => {
    const options = targetWorkload(database, {
      name: 'read',
      target: 'read',
      replicas: 3,
      resources,
      stage: DATABASE_STAGES.stateless,
    });
    const [container] = options.containers;
    expect(container!.args).toEqual(['-config.file=/etc/loki/config/config.yaml', '-target=read']);
    expect(container!.ports!.map((p) => p.name)).toEqual(['http-metrics', 'grpc', 'gossip-ring']);
    expect(container!.volumeMounts).toEqual([
      { name: 'config', mountPath: '/etc/loki/config', readOnly: true },
      { name: 'runtime-config', mountPath: '/etc/loki/runtime', readOnly: true },
      { name: 'data', mountPath: '/var/loki' },
    ]);
    expect(options.volumes).toContainEqual({ name: 'data', emptyDir: {} });
    expect(options.podLabels).toEqual(ring.memberLabels);
    expect(options.podAnnotations!['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
    expect(options.service).toEqual({ ports: ['http-metrics', 'grpc'] });
    expect(options.stage).toBe(2);
  });

  it('probes readiness on /ready but liveness only on the HTTP port accepting connections, with minutes of tolerance', () => {
    const [container] = targetWorkload(database, {
      name: 'write',
      target: 'write',
      replicas: 3,
      resources,
      stage: DATABASE_STAGES.stateful,
    }).containers;
    expect(container!.readinessProbe).toEqual({
      httpGet: { path: '/ready', port: 'http-metrics' },
      initialDelaySeconds: 15,
      periodSeconds: 10,
      timeoutSeconds: 1,
    });
    expect(container!.livenessProbe).toEqual(hungProcessProbe('http-metrics'));
  });

  it('stages the first sync: caches, then the stateful ring members, then the stateless paths', () => {
    expect(DATABASE_STAGES).toEqual({ caches: 0, stateful: 1, stateless: 2 });
  });

  it('expands Secret env in the config, claims a volume for stateful targets and exposes extra ports on the Service', () => {
    const secured = {
      ...database,
      env: [{ name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 's3', key: 'AWS_ACCESS_KEY_ID' } } }],
    };
    const options = targetWorkload(secured, {
      name: 'write',
      target: 'write',
      replicas: 3,
      resources,
      extraArgs: ['-x=1'],
      extraPorts: [{ name: 'otlp-grpc', containerPort: 4317, protocol: 'TCP' }],
      storageSize: '10Gi',
      stage: DATABASE_STAGES.stateful,
    });
    expect(options.containers[0]!.args).toEqual([
      '-config.file=/etc/loki/config/config.yaml',
      '-target=write',
      '-x=1',
      '-config.expand-env=true',
    ]);
    expect(options.containers[0]!.env).toEqual(secured.env);
    expect(options.volumeClaims).toEqual([
      { name: 'data', size: '10Gi', storageClassName: undefined, mountPath: '/var/loki' },
    ]);
    expect(options.volumes!.map((v) => v.name)).toEqual(['config', 'runtime-config']);
    expect(options.service).toEqual({ ports: ['http-metrics', 'grpc', 'otlp-grpc'] });
  });
});

describe('targetWorkload options for databases that deploy differently', () => {
  const jsonnetProbes = {
    readiness: { httpGet: { path: '/ready', port: 8080 }, initialDelaySeconds: 15, timeoutSeconds: 1 },
    liveness: { tcpSocket: { port: 8080 } },
  };
  const mimirLike: GrafanaDatabase = { ...database, probes: jsonnetProbes, serviceRingPort: true };

  it('takes the database probes, a whole argument list and its own env', () => {
    const [container] = targetWorkload(mimirLike, {
      name: 'querier',
      resources,
      args: ['-config.file=/etc/mimir/mimir.yaml', '-target=querier'],
      env: [{ name: 'X', value: '1' }],
      stage: DATABASE_STAGES.stateless,
    }).containers;
    expect(container!.readinessProbe).toEqual(jsonnetProbes.readiness);
    expect(container!.livenessProbe).toEqual(jsonnetProbes.liveness);
    expect(container!.args).toEqual(['-config.file=/etc/mimir/mimir.yaml', '-target=querier']);
    expect(container!.env).toEqual([{ name: 'X', value: '1' }]);
  });

  it('lists the gossip port in ring members’ Services only where the database asks, and keeps non-members off the ring', () => {
    const member = targetWorkload(mimirLike, { name: 'ingester', resources, stage: DATABASE_STAGES.stateful });
    expect(member.service).toEqual({ ports: ['http-metrics', 'grpc', 'gossip-ring'] });
    const outsider = targetWorkload(mimirLike, {
      name: 'query-frontend',
      resources,
      ringMember: false,
      stage: DATABASE_STAGES.stateless,
    });
    expect(outsider.service).toEqual({ ports: ['http-metrics', 'grpc'] });
    expect(outsider.containers[0]!.ports!.map((p) => p.name)).toEqual(['http-metrics', 'grpc']);
    expect(outsider.podLabels).toEqual({});
  });

  it('names the claim, mounts extra files after the data path and annotates their checksums', () => {
    const options = targetWorkload(database, {
      name: 'alertmanager',
      resources,
      storageSize: '1Gi',
      claimName: 'alertmanager-data',
      files: [{ volume: 'fallback', configMap: 'fallback-config', path: '/configs/fallback.yaml' }],
      podAnnotations: { 'checksum/fallback': 'abc' },
      stage: DATABASE_STAGES.stateful,
    });
    expect(options.volumeClaims).toEqual([
      { name: 'alertmanager-data', size: '1Gi', storageClassName: undefined, mountPath: '/var/loki' },
    ]);
    expect(options.containers[0]!.volumeMounts!.map((m) => m.mountPath)).toEqual([
      '/etc/loki/config',
      '/etc/loki/runtime',
      '/configs',
    ]);
    expect(options.volumes!.at(-1)).toEqual({ name: 'fallback', configMap: { name: 'fallback-config' } });
    expect(options.podAnnotations).toMatchObject({ 'checksum/fallback': 'abc' });
    expect(options.replicas).toBe(1);
  });
});
