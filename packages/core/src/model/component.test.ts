import { describe, expect, it } from 'vitest';
import { web } from '../fixtures.test-helpers.js';
import type { IDeployment } from '../index.js';
import { commonLabels, imageRegistryMirror, PlatformError } from '../index.js';
import { renderForTest } from '../testing/index.js';

async function messages(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError)
      return error.problems.map(
        (p) =>
          p.message && `${[p.environment, p.component, p.object, p.path].filter(Boolean).join(' › ')}: ${p.message}`,
      );
    throw error;
  }
  return [];
}

describe('components', () => {
  it('renders named objects with the config merged over defaults', async () => {
    const { objects } = await renderForTest([web({ replicas: 4 })]);
    const o = objects('web');
    expect(Object.keys(o).sort()).toEqual([
      'namespace',
      'networkpolicy_allow_dns',
      'networkpolicy_allow_metrics_scraping',
      'networkpolicy_allow_same_namespace',
      'networkpolicy_default_deny',
      'web_deployment',
      'web_pdb',
      'web_service',
    ]);
    expect((o.web_deployment as IDeployment).spec!.replicas).toBe(4);
    expect(o.web_deployment!.metadata!.namespace).toBe('web');
  });

  it('overrides a deep field and merges containers and env by name', async () => {
    const component = web()
      .override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                nodeSelector: { pool: 'web' },
                containers: [{ name: 'web', env: [{ name: 'MODE', value: 'fast' }] }],
              },
            },
          },
        },
      })
      .override({
        web_deployment: {
          spec: { template: { spec: { containers: [{ name: 'web', env: [{ name: 'MODE', value: 'safe' }] }] } } },
        },
      });
    const { objects } = await renderForTest([component]);
    const spec = (objects('web').web_deployment as IDeployment).spec!.template.spec!;
    expect(spec.nodeSelector).toEqual({ pool: 'web' });
    expect(spec.containers).toHaveLength(1);
    expect(spec.containers[0]!.image).toBe('nginxinc/nginx-unprivileged:1.27.3');
    expect(spec.containers[0]!.env).toEqual([{ name: 'MODE', value: 'safe' }]);
  });

  it('removes an object given null and reports an override of an object that does not exist', async () => {
    const { objects } = await renderForTest([web().override({ web_pdb: null })]);
    expect(objects('web').web_pdb).toBeUndefined();
    expect(await messages(renderForTest([web().override({ web_deploymnet: {} } as never)]))).toEqual([
      'test › web › override.web_deploymnet: the component renders no object named "web_deploymnet" (did you mean "web_deployment"?); its objects are: namespace, networkpolicy_allow_dns, networkpolicy_allow_metrics_scraping, networkpolicy_allow_same_namespace, networkpolicy_default_deny, web_deployment, web_pdb, web_service',
    ]);
  });

  it('reports config mistakes with environment, component and field path', async () => {
    expect(await messages(renderForTest([web({ replicas: 0, memory: '64MB' })]))).toEqual([
      'test › web › replicas: expected a whole number of at least 1, got 0',
      'test › web › memory: expected a Kubernetes quantity such as "500m" or "4Gi", got "64MB"',
    ]);
    expect(await messages(renderForTest([web({ replica: 3 } as never)]))).toEqual([
      'test › web › replica: unknown field (did you mean "replicas"?); known fields: image, memory, replicas',
    ]);
  });

  it('reports misspelt and null fields in rendered objects that schema validation alone lets through', async () => {
    const broken = web().override({
      web_deployment: {
        spec: { template: { spec: { containers: [{ name: 'web', imagePullPolicyy: 'Always' } as never] } } },
      },
    });
    expect(await messages(renderForTest([broken]))).toEqual([
      'test › web › Deployment/web › spec.template.spec.containers[name=web].imagePullPolicyy: unknown field "imagePullPolicyy": the API server would silently drop it',
    ]);
    const wrongType = web().override({ web_deployment: { spec: { replicas: 'two' as never } } });
    expect(await messages(renderForTest([wrongType]))).toEqual([
      'test › web › Deployment/web › spec.replicas: expected integer',
    ]);
  });

  it('applies component mixins, then environment mixins, to every object', async () => {
    const { objects } = await renderForTest([web().mixin(commonLabels({ team: 'edge' }))], {
      mixins: [imageRegistryMirror('mirror.example.com')],
    });
    const deployment = objects('web').web_deployment as IDeployment;
    expect(deployment.metadata!.labels!.team).toBe('edge');
    expect(objects('web').namespace!.metadata!.labels!.team).toBe('edge');
    expect(deployment.spec!.template.spec!.containers[0]!.image).toBe(
      'mirror.example.com/docker.io/nginxinc/nginx-unprivileged:1.27.3',
    );
  });

  it('reports two components with the same name', async () => {
    expect(await messages(renderForTest([web(), web()]))).toEqual([
      'test › web: two components are named "web"; rename one with .named("...")',
    ]);
  });
});
