import { describe, expect, it } from 'vitest';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from './database-pod.js';
import { gossipRing } from './gossip-ring.js';

const ring = gossipRing('loki', 'loki', { clusterDomain: 'cluster.local' });
const database: GrafanaDatabase = {
  image: 'grafana/loki:3.7.6',
  httpPort: 3100,
  grpcPort: 9095,
  configFile: { volume: 'config', configMap: 'loki', path: '/etc/loki/config/config.yaml' },
  runtimeFile: { volume: 'runtime-config', configMap: 'loki-runtime', path: '/etc/loki/runtime/runtime.yaml' },
  dataPath: '/var/loki',
  ring,
  configYaml: 'auth_enabled: true\n',
  env: [],
};
const resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } };

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
    expect(container!.livenessProbe).toEqual({
      tcpSocket: { port: 'http-metrics' },
      initialDelaySeconds: 60,
      periodSeconds: 20,
      timeoutSeconds: 5,
      failureThreshold: 10,
    });
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
      storage: { storageSize: '10Gi' },
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
