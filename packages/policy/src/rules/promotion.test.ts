import { describe, expect, it } from 'vitest';
import { compareVersions } from '../semver.js';
import { findingsOf, render, web } from '../test/fixtures.js';
import { promotionGate } from './promotion.js';

const versions = (prod: Record<string, string>, staging: Record<string, string>) => ({
  context: { componentVersions: { prod, staging } },
});

describe('semantic versions', () => {
  it('order by precedence, pre-releases before releases', () => {
    expect(compareVersions('1.2.3', '1.10.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0-rc.2', '2.0.0-rc.10')).toBeLessThan(0);
    expect(compareVersions('2.0.0-rc.1', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0+build.5', '1.0.0')).toBe(0);
  });
});

describe('promotion.gate', () => {
  it('passes prod versions staging already runs or has moved past', async () => {
    const prod = await render([web()], { name: 'prod' });
    expect(
      findingsOf(
        prod,
        'promotion.gate',
        versions(
          { '@platform/web': '1.2.0', '@platform/db': '2.0.0' },
          { '@platform/web': '1.3.0', '@platform/db': '2.0.0' },
        ),
      ),
    ).toEqual([]);
  });

  it('reports nothing when versions are not provided, and applies to prod only', async () => {
    expect(findingsOf(await render([web()], { name: 'prod' }), 'promotion.gate')).toEqual([]);
    expect(
      findingsOf(
        await render([web()], { name: 'staging' }),
        'promotion.gate',
        versions({ '@platform/web': '9.0.0' }, { '@platform/web': '1.0.0' }),
      ),
    ).toEqual([]);
  });

  it('reports prod versions staging has not run', async () => {
    const prod = await render([web()], { name: 'prod' });
    const finding = (message: string) => ({
      rule: 'promotion.gate',
      severity: 'error',
      environment: 'prod',
      component: '_environment',
      message,
    });
    expect(
      findingsOf(
        prod,
        'promotion.gate',
        versions({ '@platform/web': '1.3.0', '@platform/db': '1.0.0' }, { '@platform/web': '1.3.0-rc.1' }),
      ),
    ).toEqual([
      finding(
        'prod pins @platform/db 1.0.0, but staging does not run @platform/db at all; promote it to staging first',
      ),
      finding('prod pins @platform/web 1.3.0, but staging runs only 1.3.0-rc.1; promote it to staging first'),
    ]);
  });

  it('guards other environment pairs through the factory', async () => {
    const production = await render([web()], { name: 'production' });
    const options = {
      rules: [promotionGate({ target: 'production', source: 'preprod' })],
      context: {
        componentVersions: { production: { '@platform/web': '2.0.0' }, preprod: { '@platform/web': '1.0.0' } },
      },
    };
    expect(findingsOf(production, 'promotion.gate', options).map((f) => f.message)).toEqual([
      'production pins @platform/web 2.0.0, but preprod runs only 1.0.0; promote it to preprod first',
    ]);
  });

  it('checks a package against the environment named for it, when staging runs something else', async () => {
    const prod = await render([web()], { name: 'prod' });
    const gate = promotionGate({ sourceOf: { '@platform/mimir': 'dev' } });
    const check = (dev: Record<string, string>) =>
      findingsOf(prod, 'promotion.gate', {
        rules: [gate],
        context: {
          componentVersions: {
            prod: { '@platform/web': '1.0.0', '@platform/mimir': '1.2.0' },
            staging: { '@platform/web': '1.0.0' },
            dev,
          },
        },
      }).map((f) => f.message);
    expect(check({ '@platform/mimir': '1.2.0' })).toEqual([]);
    expect(check({ '@platform/mimir': '1.1.0' })).toEqual([
      'prod pins @platform/mimir 1.2.0, but dev runs only 1.1.0; promote it to dev first',
    ]);
    expect(check({})).toEqual([
      'prod pins @platform/mimir 1.2.0, but dev does not run @platform/mimir at all; promote it to dev first',
    ]);
  });
});
