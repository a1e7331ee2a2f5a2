import { readFileSync } from 'node:fs';
import type { IPrometheusRule } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { thanos } from '@platform/thanos';
import { describe, expect, it } from 'vitest';
import { base, CLUSTER_APIS, SCRAPING } from './fixtures.test-helpers.js';
import { prometheus } from './index.js';
import { RUNBOOKS } from './rules/rule.js';

const headings = new Set(
  [...readFileSync(new URL('../runbooks.md', import.meta.url), 'utf8').matchAll(/^## (\S+)$/gm)].map((m) =>
    m[1]!.toLowerCase(),
  ),
);

describe('runbooks', () => {
  it('has a section for every alert Prometheus renders, which its runbook_url links to', async () => {
    const { rendered } = await renderForTest([...base(), prometheus({ thanos: { enabled: true } }), thanos()], {
      clusterApis: CLUSTER_APIS,
      ...SCRAPING,
    });
    const rules = rendered.objects
      .filter((o) => o.component === 'prometheus' && o.object.kind === 'PrometheusRule')
      .flatMap((o) =>
        ((o.object as IPrometheusRule).spec?.groups ?? []).flatMap((g) => (g.rules ?? []).filter((r) => r.alert)),
      );
    expect(rules.length).toBeGreaterThan(40);
    for (const rule of rules) {
      const url = (rule.annotations as Record<string, string>).runbook_url!;
      expect(url, rule.alert).toContain(`/${RUNBOOKS}#`);
      expect(headings, rule.alert).toContain(url.slice(url.indexOf('#') + 1));
    }
  });
});
