import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alertRuleProblems,
  type IPrometheusRule,
  type RenderedEnvironment,
  RUNBOOK_REPOSITORY_URL,
} from '@platform/core';
import { testBuildContext } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import dev from '../../../environments/dev/index.js';
import { renderedRules, syntaxProblem } from './index.js';

const REPOSITORY = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** GitHub's and GitLab's heading anchors: lower case, punctuation dropped, spaces as dashes. */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*$/.exec(line)?.[1];
    if (heading)
      found.add(
        heading
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      );
  }
  return found;
}

/** What is wrong with a runbook link: not in the repository, a missing page, a missing section. */
function linkProblem(url: string): string | undefined {
  if (!url.startsWith(`${RUNBOOK_REPOSITORY_URL}/`)) return `${url} is not a page of the platform repository`;
  const [path, anchor] = url.slice(RUNBOOK_REPOSITORY_URL.length + 1).split('#');
  let text: string;
  try {
    text = readFileSync(join(REPOSITORY, path!), 'utf8');
  } catch {
    return `${path} does not exist`;
  }
  return anchor && !anchors(text).has(anchor) ? `${path} has no section #${anchor}` : undefined;
}

/** Catalog libraries whose alerts are built from their default configuration, by package folder. */
const CATALOG: Record<string, () => Promise<IPrometheusRule | undefined>> = Object.fromEntries(
  [
    'contour',
    'descheduler',
    'external-dns',
    'harbor',
    'istio-csr',
    'karpenter',
    'keda',
    'kyverno',
    'longhorn',
    'openbao',
    'step-ca',
    'traefik',
    'trust-manager',
    'velero',
  ].map((lib) => [
    lib,
    async () => {
      const { alerts } = await import(`../../${lib}/src/alerts.ts`);
      const { defaults } = await import(`../../${lib}/src/config.ts`);
      return alerts(testBuildContext(lib, defaults, { serviceMonitors: true }));
    },
  ]),
);

/**
 * Libraries whose README has no runbook section per alert yet (their `alerts.runbookUrl` defaults to the README).
 * Their owners add the sections; the test below then fails, and the library leaves this list.
 */
const README_WITHOUT_RUNBOOKS = new Set(['contour', 'external-dns', 'traefik']);

describe('runbooks', () => {
  it('exist in the repository for every alert dev renders', async () => {
    const rendered = await (dev as unknown as { render(): Promise<RenderedEnvironment> }).render();
    const alerts = renderedRules(rendered).filter((r) => r.rule.alert !== undefined);
    expect(alerts.length).toBeGreaterThan(30);
    const problems = alerts.flatMap((r) => {
      const problem = linkProblem(String(r.rule.annotations?.runbook_url ?? ''));
      return problem ? [`${r.name}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it.each(Object.keys(CATALOG))('exist in the repository for the alerts of %s', async (lib) => {
    const rule = await CATALOG[lib]!();
    const problems = (rule?.spec?.groups ?? []).flatMap((group) =>
      (group.rules ?? []).flatMap((r) => {
        const problem = linkProblem(String(r.annotations?.runbook_url ?? ''));
        return problem ? [`${r.alert}: ${problem}`] : [];
      }),
    );
    if (README_WITHOUT_RUNBOOKS.has(lib))
      expect(problems.length > 0 && problems.every((p) => p.includes('has no section'))).toBe(true);
    else expect(problems).toEqual([]);
  });

  it('are checked: a missing section or page is a problem', () => {
    expect(linkProblem(`${RUNBOOK_REPOSITORY_URL}/docs/runbooks/mimir.md#mimiringesterunhealthy`)).toBeUndefined();
    expect(linkProblem(`${RUNBOOK_REPOSITORY_URL}/docs/runbooks/mimir.md#nosuchalert`)).toMatch(/no section/);
    expect(linkProblem(`${RUNBOOK_REPOSITORY_URL}/docs/runbooks/none.md#x`)).toMatch(/does not exist/);
    expect(linkProblem('https://example.com/runbook')).toMatch(/not a page of the platform repository/);
  });
});

describe('catalog alerts', () => {
  it.each(Object.keys(CATALOG))(
    'of %s carry severity, team, summary, description, runbook and for, and parse',
    async (lib) => {
      const rule = await CATALOG[lib]!();
      const rules = (rule?.spec?.groups ?? []).flatMap((group) => group.rules ?? []);
      expect(rules.length).toBeGreaterThan(0);
      const problems = rules.flatMap((r) => [
        ...alertRuleProblems(r as Parameters<typeof alertRuleProblems>[0]).map((p) => `${r.alert} ${p}`),
        ...[syntaxProblem('promql', String(r.expr))].flatMap((p) => (p ? [`${r.alert}: ${p.message}`] : [])),
      ]);
      expect(problems).toEqual([]);
    },
  );
});
