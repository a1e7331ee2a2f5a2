import { defineComponent, statefulSet } from '@platform/core';

/**
 * A component with a database StatefulSet claiming a volume (`data`), standing in for any library whose pods
 * keep state on a PVC; `stateful` makes it provide `statefulData` for its namespace, as a stateful library would.
 */
export const database = defineComponent({
  name: 'database',
  tier: 'workloads',
  defaults: { stateful: false as boolean, volumes: 'filesystem' as 'filesystem' | 'none' },
  provides: ({ name, namespace, config }) =>
    config.stateful
      ? { statefulData: { component: name, namespace, reason: 'the rows of the database', volumes: config.volumes } }
      : {},
  build: (context) => ({
    db_statefulset: statefulSet(context, {
      name: 'db',
      pdb: false,
      service: false,
      serviceMonitor: false,
      containers: [
        {
          name: 'db',
          image: 'docker.io/library/postgres:17.6',
          resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
          readinessProbe: { tcpSocket: { port: 5432 } },
          livenessProbe: { tcpSocket: { port: 5432 } },
        },
      ],
      volumeClaims: [{ name: 'data', size: '1Gi', mountPath: '/var/lib/postgresql' }],
    }).workload,
  }),
});
