import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { affectedEnvironments, classify, workspacePackages } from '../packages/cli/src/affected.js';

function write(root: string, file: string, content: string): void {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), content);
}

/** dev runs core, mimir and dashboards (which mimir builds on) from the workspace; prod pins a tarball of mimir; both import base. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'platform-affected-'));
  write(root, 'pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - environments/*\n');
  write(root, 'packages/core/package.json', JSON.stringify({ name: '@platform/core', version: '2.0.0' }));
  write(root, 'packages/dashboards/package.json', JSON.stringify({ name: '@platform/dashboards', version: '1.0.0' }));
  write(
    root,
    'packages/mimir/package.json',
    JSON.stringify({
      name: '@platform/mimir',
      version: '1.0.0',
      dependencies: { '@platform/dashboards': 'workspace:^' },
    }),
  );
  write(
    root,
    'packages/mimir/src/index.ts',
    "export const mimir = defineComponent<A, B>({\n  name: 'mimir',\n  tier: 'platform',\n});\n",
  );
  write(root, 'environments/base/package.json', JSON.stringify({ name: '@environments/base' }));
  write(
    root,
    'environments/dev/package.json',
    JSON.stringify({
      name: '@environments/dev',
      dependencies: {
        '@environments/base': 'workspace:*',
        '@platform/core': 'workspace:^',
        '@platform/mimir': 'workspace:^',
      },
    }),
  );
  write(
    root,
    'environments/prod/package.json',
    JSON.stringify({
      name: '@environments/prod',
      dependencies: {
        '@environments/base': 'workspace:*',
        '@platform/mimir': 'file:../../releases/platform-mimir-1.0.0.tgz',
      },
    }),
  );
  return root;
}

function affected(root: string, files: string[]) {
  const packages = workspacePackages(root);
  const environments = ['dev', 'prod'];
  return affectedEnvironments({
    root,
    environments,
    environmentDirs: { dev: join(root, 'environments/dev'), prod: join(root, 'environments/prod') },
    changes: classify(files, packages, environments),
    packages,
    componentsOf: () => [
      { name: 'mimir-sre', definition: 'mimir' },
      { name: 'grafana', definition: 'grafana' },
    ],
  });
}

describe('platform affected', () => {
  it('maps a library change to the components built from it, in the environments that run it from the workspace', () => {
    const root = workspace();
    expect(affected(root, ['packages/mimir/src/ingester.ts'])).toEqual([
      {
        environment: 'dev',
        components: ['mimir-sre'],
        reasons: ['@platform/mimir changed (packages/mimir/src/ingester.ts)'],
      },
    ]);
    // dashboards defines no component; mimir builds on it, so mimir's components are affected.
    expect(affected(root, ['packages/dashboards/src/panels.ts'])).toEqual([
      {
        environment: 'dev',
        components: ['mimir-sre'],
        reasons: ['@platform/mimir changed (@platform/dashboards changed)'],
      },
    ]);
  });

  it('maps an environment file, a shared environment package, a tarball and the lockfile to whole environments', () => {
    const root = workspace();
    expect(affected(root, ['environments/prod/index.ts']).map((a) => [a.environment, a.components])).toEqual([
      ['prod', 'all'],
    ]);
    expect(affected(root, ['environments/base/index.ts']).map((a) => [a.environment, a.components])).toEqual([
      ['dev', 'all'],
      ['prod', 'all'],
    ]);
    expect(affected(root, ['releases/platform-mimir-1.0.0.tgz']).map((a) => a.environment)).toEqual(['prod']);
    expect(affected(root, ['pnpm-lock.yaml']).map((a) => a.environment)).toEqual(['dev', 'prod']);
    expect(affected(root, ['packages/core/src/render.ts']).map((a) => [a.environment, a.components])).toEqual([
      ['dev', 'all'],
    ]);
    expect(affected(root, ['README.md', 'docs/releasing.md'])).toEqual([]);
  });

  it('maps a change of committed output to its component', () => {
    const root = workspace();
    expect(affected(root, ['rendered/prod/grafana/deployment-grafana.yaml'])).toEqual([
      {
        environment: 'prod',
        components: ['grafana'],
        reasons: ['rendered/prod/grafana/deployment-grafana.yaml changed'],
      },
    ]);
  });
});
