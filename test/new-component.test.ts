import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderError, renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { componentSkeleton, isComponentName } from '../scripts/new-component/skeleton.js';

const root = join(import.meta.dirname, '..');

describe('pnpm new-component', () => {
  it('writes a skeleton that renders, passes its own checks and every policy rule but the environment-level ones', async () => {
    // Written under node_modules so that @platform/core resolves from the workspace root, as in packages/.
    const folder = join(root, 'node_modules', '.cache', 'new-component-test', 'widget-shop');
    rmSync(folder, { recursive: true, force: true });
    for (const [path, content] of componentSkeleton('widget-shop', '2.0.0')) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), content);
    }
    const { widgetShop } = (await import(join(folder, 'src/index.ts'))) as { widgetShop: (config?: object) => never };
    const { rendered, objects } = await renderForTest([widgetShop()], {
      delivery: { externalController: { 'resource.customizations.health.argoproj.io_ApplicationSet': 'x' } },
    });
    expect(Object.keys(objects('widget-shop')).sort()).toEqual([
      'namespace',
      'networkpolicy_allow_dns',
      'networkpolicy_allow_metrics_scraping',
      'networkpolicy_allow_same_namespace',
      'networkpolicy_default_deny',
      'server_deployment',
      'server_pdb',
      'server_service',
    ]);
    const findings = runPolicies(rendered).findings.filter(
      (f) => f.severity === 'error' && f.component === 'widget-shop',
    );
    expect(findings).toEqual([]);
    expect(await renderError([widgetShop({ replicas: 0 } as never)])).toBe(
      'test › widget-shop › replicas: expected a whole number of at least 1, got 0',
    );
  });

  it('takes only names that can name a component', () => {
    expect(isComponentName('widget-shop')).toBe(true);
    expect(isComponentName('WidgetShop')).toBe(false);
    expect(isComponentName('-shop')).toBe(false);
  });
});
