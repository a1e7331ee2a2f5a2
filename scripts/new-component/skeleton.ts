/**
 * The files of a new component library, following CONTRIBUTING.md: a typed config with documented defaults,
 * semantic checks, one file per sub-component, an index composing them, and a test that renders it.
 */

/** `widget-shop` → `widgetShop`. */
function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `widget-shop` → `WidgetShop`. */
function pascal(name: string): string {
  const c = camel(name);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** Whether `name` can name a component library: a DNS label, as component and namespace names are. */
export function isComponentName(name: string): boolean {
  return /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 40;
}

/** The skeleton's files by path relative to the package folder. */
export function componentSkeleton(name: string, coreVersion: string): Map<string, string> {
  const fn = camel(name);
  const type = `${pascal(name)}Config`;
  const files = new Map<string, string>();
  files.set(
    'package.json',
    `${JSON.stringify(
      {
        name: `@platform/${name}`,
        version: '0.1.0',
        description: `${name} for the platform toolkit.`,
        type: 'module',
        license: 'Apache-2.0',
        engines: { node: '>=20.12' },
        sideEffects: false,
        exports: {
          '.': { 'platform-source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' },
        },
        publishConfig: { exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } },
        files: ['dist', 'README.md', 'CHANGELOG.md'],
        scripts: { build: 'tsc -p tsconfig.build.json' },
        peerDependencies: { '@platform/core': `^${coreVersion.split('.')[0]}.0.0` },
        devDependencies: { '@platform/core': 'workspace:^' },
      },
      null,
      2,
    )}\n`,
  );
  files.set(
    'tsconfig.build.json',
    `${JSON.stringify(
      {
        extends: '../../tsconfig.base.json',
        compilerOptions: { rootDir: 'src', outDir: 'dist', customConditions: [] },
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts', 'src/**/*.test-helpers.ts'],
      },
      null,
      2,
    )}\n`,
  );
  files.set(
    'README.md',
    `# @platform/${name}\n\nWhat it deploys, the pinned upstream version and where it was confirmed, its typed configuration, the\nendpoints it provides and needs, and what it cannot do yet.\n`,
  );
  files.set('CHANGELOG.md', `# @platform/${name}\n`);
  files.set(
    'src/config.ts',
    `import type { ResourceRequirements } from '@platform/core';

/** Configuration of \`@platform/${name}\`. Every field has a documented default. */
export interface ${type} {
  /** Container image, pinned to an exact upstream release. Default \`nginxinc/nginx-unprivileged:1.27.3\`. */
  image: string;
  /** Replicas of the server. Default 2 (a PodDisruptionBudget keeps one up). */
  replicas: number;
  /** Requests and limits of the server container. */
  resources: ResourceRequirements;
  /** Log level. Default \`info\`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export const defaults: ${type} = {
  image: 'nginxinc/nginx-unprivileged:1.27.3',
  replicas: 2,
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
  logLevel: 'info',
};
`,
  );
  files.set(
    'src/check.ts',
    `import type { ConfigChecks } from '@platform/core';
import type { ${type} } from './config.js';

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: ${type}, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.resources('resources', config.resources);
}
`,
  );
  files.set(
    'src/server.ts',
    `import { type BuildContext, deployment, namedWorkloadObjects } from '@platform/core';
import type { ${type} } from './config.js';

/** The HTTP port of the server container. */
export const HTTP_PORT = 8080;

/** The server: a Deployment with its Service and PodDisruptionBudget, restricted and probed. */
export function server(context: BuildContext<${type}>) {
  const { config } = context;
  return namedWorkloadObjects(
    'server',
    'deployment',
    deployment(context, {
      name: 'server',
      replicas: config.replicas,
      containers: [
        {
          name: 'server',
          image: config.image,
          ports: [{ name: 'http', containerPort: HTTP_PORT }],
          readinessProbe: { httpGet: { path: '/', port: 'http' } },
          livenessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 20, failureThreshold: 6 },
          resources: config.resources,
        },
      ],
    }),
  );
}
`,
  );
  files.set(
    'src/index.ts',
    `/**
 * @platform/${name}: what it deploys, in one sentence.
 */
import { defineComponent } from '@platform/core';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { server } from './server.js';

export { defaults } from './config.js';
export type { ${type} } from './config.js';

/**
 * ${name} (tier \`workloads\`).
 *
 * \`\`\`ts
 * ${fn}({ replicas: 3 })
 * \`\`\`
 */
export const ${fn} = defineComponent({
  name: '${name}',
  tier: 'workloads',
  defaults,
  check: checkConfig,
  build: (context) => ({ ...server(context) }),
});
`,
  );
  files.set(
    'src/index.test.ts',
    `import { renderForTest, renderError } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { ${fn} } from './index.js';

describe('${name}', () => {
  it('renders a replicated, restricted server with its Service and PodDisruptionBudget', async () => {
    const { objects } = await renderForTest([${fn}()]);
    expect(Object.keys(objects('${name}')).sort()).toEqual(expect.arrayContaining(['server_deployment', 'server_pdb', 'server_service']));
  });

  it('reports bad configuration with its path', async () => {
    expect(await renderError([${fn}({ replicas: 0 })])).toBe('test › ${name} › replicas: expected a whole number of at least 1, got 0');
  });
});
`,
  );
  return files;
}
