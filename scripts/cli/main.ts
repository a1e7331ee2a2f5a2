import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PolicyContext, RenderedEnvironment } from '@platform/core';
import { formatJson, formatTable, runPolicies } from '@platform/policy';
import { colorPatch, diffTrees } from './diff.js';
import { selectEnvironments, type EnvironmentModules } from './environments.js';
import { paint, reportFailure } from './output.js';
import { pinnedVersions, promoteCommand } from './promote.js';
import { readTree, writeTree } from './write-tree.js';

/** What the launcher passes in. */
export interface CliInput {
  /** Repository root. */
  root: string;
  /** Bundled environment modules, by folder name. */
  environments: EnvironmentModules;
  /** Every environment folder, bundled or not. */
  known: string[];
  argv: string[];
}

const USAGE = `usage:
  pnpm render <env...> | --all     render environments to rendered/<env>/
  pnpm diff <env...> | --all       show what a render would change   [--exit-code]
  pnpm check <env...> | --all      validate and run the policy checks [--format table|json]
  pnpm promote <component> --from <env> --to <env> [--force]
                                   pin <env> to the released version <from> runs, show the render diff`;

function summarize(rendered: RenderedEnvironment, milliseconds: number, write: { written: number; unchanged: number; removed: number }): string {
  const kinds = new Map<string, number>();
  for (const { object } of rendered.objects) kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
  const kindList = [...kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => `${kind} ${count}`).join(', ');
  const steps = rendered.steps.map((step) => `${step.wave}. ${step.tier}-${step.level}: ${step.components.join(', ')}`).join('\n    ');
  return [
    `${paint('bold', rendered.environment.name)}: ${rendered.components.length} components, ${rendered.objects.length} objects in ${milliseconds.toFixed(0)} ms → rendered/${rendered.environment.name}/ (${write.written} written, ${write.unchanged} unchanged, ${write.removed} removed)`,
    `  objects: ${kindList}`,
    `  sync steps:\n    ${steps}`,
  ].join('\n');
}

async function render(input: CliInput, names: string[], all: boolean): Promise<number> {
  for (const environment of selectEnvironments(input.environments, input.known, names, all)) {
    const started = performance.now();
    const rendered = await environment.render();
    const write = writeTree(join(input.root, 'rendered', environment.name), rendered.files);
    console.log(summarize(rendered, performance.now() - started, write));
  }
  return 0;
}

async function diff(input: CliInput, names: string[], all: boolean, exitCode: boolean): Promise<number> {
  let changed = 0;
  for (const environment of selectEnvironments(input.environments, input.known, names, all)) {
    const rendered = await environment.render();
    const changes = diffTrees(readTree(join(input.root, 'rendered', environment.name)), rendered.files);
    for (const change of changes) console.log(colorPatch(change.patch));
    const counts = ['added', 'changed', 'removed'].map((status) => `${changes.filter((c) => c.status === status).length} ${status}`).join(', ');
    console.log(`${paint('bold', environment.name)}: ${changes.length === 0 ? 'no changes' : counts}`);
    changed += changes.length;
  }
  return exitCode && changed > 0 ? 1 : 0;
}

async function check(input: CliInput, names: string[], all: boolean, format: string): Promise<number> {
  const context: PolicyContext = { componentVersions: pinnedVersions(input.root) };
  let errors = 0;
  const reports: unknown[] = [];
  for (const environment of selectEnvironments(input.environments, input.known, names, all)) {
    const started = performance.now();
    const rendered = await environment.render();
    const rendering = performance.now() - started;
    const report = runPolicies(rendered, { context });
    const checking = performance.now() - started - rendering;
    errors += report.errors;
    if (format === 'json') reports.push(JSON.parse(formatJson(report)));
    else {
      console.log(formatTable(report));
      console.log(`${paint('bold', environment.name)}: ${rendered.objects.length} objects valid against their schemas; policy: ${report.errors} errors, ${report.warnings} warnings, ${report.waived.length} waived (render ${rendering.toFixed(0)} ms, checks ${checking.toFixed(0)} ms)\n`);
    }
  }
  if (format === 'json') console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  return errors > 0 ? 1 : 0;
}

/**
 * Benchmark helper (not a user command): renders the named environment `count` times under different names
 * in one process, as a synthetic fleet, and prints one JSON line with the totals.
 */
async function fleet(input: CliInput, names: string[], count: number): Promise<number> {
  const [environment] = selectEnvironments(input.environments, input.known, names.slice(0, 1), false);
  const started = performance.now();
  let objects = 0;
  for (let index = 1; index <= count; index++) {
    const rendered = await environment!.render.call({ ...environment!, name: `${environment!.name}-${index}` });
    objects += rendered.objects.length;
  }
  const milliseconds = performance.now() - started;
  console.log(JSON.stringify({ environments: count, objects, milliseconds, maxRssKb: process.resourceUsage().maxRSS }));
  return 0;
}

/** Runs one CLI command; returns the process exit code. */
export async function main(input: CliInput): Promise<number> {
  try {
    const [command, ...rest] = input.argv;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        all: { type: 'boolean', default: false },
        'exit-code': { type: 'boolean', default: false },
        format: { type: 'string', default: 'table' },
        help: { type: 'boolean', short: 'h', default: false },
        count: { type: 'string', default: '50' },
        from: { type: 'string' },
        to: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
    if (values.help || command === undefined) {
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    }
    switch (command) {
      case 'render': return await render(input, positionals, values.all);
      case 'diff': return await diff(input, positionals, values.all, values['exit-code']);
      case 'check':
        if (values.format !== 'table' && values.format !== 'json') {
          console.error(`error: --format must be "table" or "json", got "${values.format}"`);
          return 1;
        }
        return await check(input, positionals, values.all, values.format);
      case 'bench-fleet': return await fleet(input, positionals, Number(values.count));
      case 'promote': return await promoteCommand(input.root, positionals, values);
      default:
        console.error(`error: unknown command "${command}"\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`error: ${error.message}\n${USAGE}`);
      return 1;
    }
    return reportFailure(error);
  }
}
