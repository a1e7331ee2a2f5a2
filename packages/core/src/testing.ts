import type { AnyComponent } from './component.js';
import { defineEnvironment, type Environment, type EnvironmentSpec } from './environment.js';
import type { KubeObject } from './objects.js';
import { renderEnvironment, type RenderedEnvironment } from './render.js';

/** A small, valid environment for tests of component libraries. */
export function testEnvironment(components: AnyComponent[], overrides: Partial<EnvironmentSpec> = {}): Environment {
  return defineEnvironment({
    name: 'test',
    cluster: { name: 'test', server: 'https://kubernetes.default.svc' },
    repo: { url: 'https://git.example.com/platform.git', revision: 'refs/heads/main' },
    settings: {
      baseDomain: 'test.example.com',
      objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
      metricsScraperNamespaces: ['alloy'],
    },
    ...overrides,
    components,
  });
}

/** Renders components in a test environment and returns each component's objects by name, validated. */
export async function renderForTest(components: AnyComponent[], overrides: Partial<EnvironmentSpec> = {}): Promise<{ rendered: RenderedEnvironment; objects: (component: string) => Record<string, KubeObject> }> {
  const rendered = await renderEnvironment(testEnvironment(components, overrides));
  return {
    rendered,
    objects: (component) => Object.fromEntries(rendered.objects.filter((o) => o.component === component).map((o) => [o.key, o.object])),
  };
}
