import type { IDeployment, IPodDisruptionBudget, IService } from './index.js';
import { defineComponent, deployment } from './index.js';

/** A small web component used by core's own tests. */
export const web = defineComponent({
  name: 'web',
  tier: 'workloads',
  defaults: { replicas: 2, image: 'nginxinc/nginx-unprivileged:1.27.3', memory: '64Mi' },
  check(config, checks) {
    checks.integer('replicas', config.replicas, { min: 1 }).quantity('memory', config.memory);
  },
  build(context) {
    const { workload, service, pdb } = deployment(context, {
      name: 'web',
      replicas: context.config.replicas,
      containers: [
        {
          name: 'web',
          image: context.config.image,
          ports: [{ name: 'http', containerPort: 8080 }],
          readinessProbe: { httpGet: { path: '/', port: 'http' } },
          livenessProbe: { httpGet: { path: '/', port: 'http' } },
          resources: {
            requests: { cpu: '10m', memory: context.config.memory },
            limits: { memory: context.config.memory },
          },
        },
      ],
    });
    return { web_deployment: workload, web_service: service!, ...(pdb ? { web_pdb: pdb } : {}) } as {
      web_deployment: IDeployment;
      web_service: IService;
      web_pdb?: IPodDisruptionBudget;
    };
  },
});
