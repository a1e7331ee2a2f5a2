/**
 * Checks the Helm values of a rendered environment against the generated chart facts:
 *
 *   tsx scripts/chart-values/check-rendered.ts rendered/<env> [...]
 *
 * Reads the list elements of `_argocd/applicationset-*.yaml`, and for every source with `chart` and
 * `helm.valuesObject` prints the value paths the chart does not know. Exits 1 when it finds any, or when a chart
 * has no generated facts module at its version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unknownValuePaths } from '@platform/core';
import { parseYamlDocuments } from './yaml.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Facts {
  CHART_NAME: string;
  CHART_VERSION: string;
  CHART_VALUE_PATHS: readonly string[];
}

/** Every generated facts module of the repository (and any extra ones named), by `chart@version`. */
export async function loadFacts(extra: readonly string[] = []): Promise<Map<string, Facts>> {
  const files = readdirSync(join(root, 'packages')).flatMap((pkg) => {
    const src = join(root, 'packages', pkg, 'src');
    return existsSync(src)
      ? readdirSync(src)
          .filter((f) => f.endsWith('chart-values.generated.ts'))
          .map((f) => join(src, f))
      : [];
  });
  const facts = new Map<string, Facts>();
  for (const file of [...files, ...extra]) {
    const module = (await import(pathToFileURL(file).href)) as Facts;
    facts.set(`${module.CHART_NAME}@${module.CHART_VERSION}`, module);
  }
  return facts;
}

interface ChartSource {
  chart?: string;
  targetRevision?: string;
  helm?: { valuesObject?: unknown };
}

/** One line per problem: `<application> <chart>@<version>: <path>`. */
export function checkRendered(dir: string, facts: ReadonlyMap<string, Facts>): string[] {
  const problems: string[] = [];
  const argocd = join(dir, '_argocd');
  const files = readdirSync(argocd)
    .filter((f) => /^applicationset-.*\.ya?ml$/.test(f))
    .sort();
  for (const file of files) {
    for (const document of parseYamlDocuments(readFileSync(join(argocd, file), 'utf8'))) {
      const generators =
        (document as { spec?: { generators?: { list?: { elements?: unknown[] } }[] } } | null)?.spec?.generators ?? [];
      for (const element of generators.flatMap((g) => g.list?.elements ?? [])) {
        const { component, sources } = element as { component?: string; sources?: ChartSource[] };
        for (const source of sources ?? []) {
          if (!source.chart || source.helm?.valuesObject === undefined) continue;
          const key = `${source.chart}@${source.targetRevision}`;
          const known = facts.get(key);
          if (!known) {
            problems.push(`${component} ${key}: no generated chart facts`);
            continue;
          }
          for (const path of unknownValuePaths(source.helm.valuesObject, known.CHART_VALUE_PATHS)) {
            problems.push(`${component} ${key}: ${path}`);
          }
        }
      }
    }
  }
  return problems;
}

async function main(argv: string[]): Promise<void> {
  const extra = argv.filter((a) => a.endsWith('.ts'));
  const dirs = argv.filter((a) => !a.endsWith('.ts'));
  if (dirs.length === 0) {
    throw new Error('usage: check-rendered.ts rendered/<env> [...] [extra-facts.generated.ts ...]');
  }
  const facts = await loadFacts(extra.map((f) => resolve(f)));
  let failed = false;
  for (const dir of dirs) {
    const problems = checkRendered(resolve(dir), facts);
    console.log(`${dir}: ${problems.length === 0 ? 'every chart value is known' : `${problems.length} unknown`}`);
    for (const problem of problems) console.log(`  ${problem}`);
    failed ||= problems.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
