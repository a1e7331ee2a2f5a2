import { parseArgs } from 'node:util';
import { CliError } from './errors.js';

/** One flag of a command. */
interface FlagSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** May be given more than once (`-c mimir -c loki`); commas separate values too. */
  multiple?: boolean;
  /** Placeholder of the value in help (`<ref>`). */
  value?: string;
  /** Allowed values of a string flag. */
  choices?: readonly string[];
  default?: string;
  description: string;
}

/** A command: what it does, its arguments, its own flags and the environment variables it reads. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** The arguments after the command name, as help shows them. */
  usage: string;
  flags: Record<string, FlagSpec>;
  env?: Record<string, string>;
  /** Shown at the end of the command's help. */
  notes?: string;
}

/** What a parsed command line holds. */
export interface ParsedCommand {
  positionals: string[];
  /** Flags by name; string flags hold their value, multiple flags a list, booleans true/false. */
  flags: Record<string, string | string[] | boolean | undefined>;
  help: boolean;
}

const NO_CACHE = {
  PLATFORM_NO_CACHE: 'set to 1 to bundle the CLI and the environments afresh instead of using the cache',
};
const COLOR = { NO_COLOR: 'no colours even on a terminal', FORCE_COLOR: 'colours even in pipes (0 turns them off)' };
const ALL: FlagSpec = { type: 'boolean', description: 'every environment of the project' };
const COMPONENT: FlagSpec = {
  type: 'string',
  short: 'c',
  multiple: true,
  value: '<name>',
  description: 'only this component (repeat or separate with commas; `_argocd` is the delivery folder)',
};
const DAEMONSET_NODES: FlagSpec = {
  type: 'string',
  value: '<n>',
  default: '3',
  description: 'nodes a DaemonSet is counted on',
};
const tableOrJson = (what: string): FlagSpec => ({
  type: 'string',
  value: 'table|json',
  choices: ['table', 'json'],
  default: 'table',
  description: what,
});

/** Every command of the CLI, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'render',
    summary: 'render environments to rendered/<env>/',
    usage: '<env...> | --all',
    flags: {
      all: ALL,
      component: COMPONENT,
      format: {
        type: 'string',
        value: 'text|json',
        choices: ['text', 'json'],
        default: 'text',
        description: 'json: one array of environments with their objects, for tools',
      },
    },
    env: { ...NO_CACHE, ...COLOR },
    notes:
      "Each environment is rendered and validated in memory, then written as one atomic step: rendered/<env>/ holds the\nold render or the new one, never a mix, even if the run is killed. With -c only those components' files change.",
  },
  {
    name: 'diff',
    summary: 'show what a render would change, per object',
    usage: '<env...> | --all',
    flags: {
      all: ALL,
      component: COMPONENT,
      'exit-code': { type: 'boolean', description: 'exit 1 when anything would change (for CI)' },
    },
    env: { ...NO_CACHE, ...COLOR },
    notes: 'Patches use repository-relative paths (a/rendered/<env>/...), so `git apply` can apply them.',
  },
  {
    name: 'check',
    summary: 'validate and run the policy checks',
    usage: '<env...> | --all',
    flags: {
      all: ALL,
      component: {
        ...COMPONENT,
        description: 'only report findings of this component (the checks still see the whole environment)',
      },
      format: tableOrJson(
        'json: always an array with one entry per environment, render failures included; nothing else on stdout',
      ),
    },
    env: { ...NO_CACHE, ...COLOR },
    notes:
      'Environments checked together must not deploy to the same cluster and namespaces; `--all` compares all of them.',
  },
  {
    name: 'show',
    summary: 'print the rendered YAML to stdout (for kubectl)',
    usage: '<env> [component...]',
    flags: {},
    env: NO_CACHE,
  },
  {
    name: 'plan',
    summary: 'how the first sync of an environment unfolds, step by step',
    usage: '<env>',
    flags: {
      format: tableOrJson('json: the plan (or the certificate calendar) as data'),
      certificates: {
        type: 'boolean',
        description: 'the expiry calendar of every CA and certificate the environment defines, instead of the sync',
      },
      'daemonset-nodes': DAEMONSET_NODES,
    },
    env: NO_CACHE,
    notes:
      "With --certificates: the rendered cert-manager Certificates (their defaults filled in and marked) and the lifetimes\nlibraries declare (step-ca's root and intermediate, product-issued leaves), with the expiries of each and of its\nreplacements counted from the first sync, up to the longest CA lifetime (see @platform/pki).",
  },
  {
    name: 'resources',
    summary: 'replicas, requests and limits per workload, with totals per tier and for the environment',
    usage: '<env>',
    flags: {
      format: tableOrJson('json: the table (or the comparison) as data'),
      compare: {
        type: 'string',
        value: '<env>',
        description: 'the workloads that differ from another environment, and both totals',
      },
    },
    env: NO_CACHE,
    notes:
      'Computed from the rendered objects: an autoscaled workload counts min–max replicas, a DaemonSet one pod per node.\nWorkloads an upstream chart starts are rendered by the delivery engine and listed as not counted.',
  },
  {
    name: 'graph',
    summary: 'the environment as one HTML page: rendered/<env>/_graph/index.html',
    usage: '<env>',
    flags: {
      compare: {
        type: 'string',
        value: '<env|git-ref>',
        description: 'mark what differs from another environment, or from rendered/<env>/ as committed at a git ref',
      },
      'daemonset-nodes': DAEMONSET_NODES,
    },
    env: { ...NO_CACHE, ...COLOR },
    notes:
      'The page is self-contained (inline SVG, style and script; no network) and deterministic. It is written like a render,\nas one atomic step, and is not part of the render: git ignores rendered/*/_graph/, `render` keeps it, `diff` skips it,\nand no Application or Kustomization reads it. A --compare value that names an environment compares with that\nenvironment; anything else is a git ref (`main`, `HEAD~1`, a tag), whose committed render lacks the dependency\ngraph, library versions and findings, so those are not compared.',
  },
  {
    name: 'ls',
    summary: 'environments, their components and tiers, and pinned library versions',
    usage: '',
    flags: { format: tableOrJson('json: for tools') },
    env: NO_CACHE,
  },
  {
    name: 'affected',
    summary: 'environments and components a change can affect (for CI: render and diff only those)',
    usage: '--since <git-ref>',
    flags: {
      since: {
        type: 'string',
        value: '<git-ref>',
        description: 'compare the working tree with this commit (required)',
      },
      format: tableOrJson('json: for tools'),
    },
    env: NO_CACHE,
    notes:
      'Reads `git diff --name-only <ref>` and untracked files: a changed environment folder affects it and the environments\nthat import it; a changed library affects the components built from it (and from libraries built on it) in\nthe environments that use it from the workspace; a lockfile or CLI change affects everything.',
  },
  {
    name: 'bench-fleet',
    summary: 'benchmark helper: render one environment N times in one process (on one or more threads)',
    usage: '<env>',
    flags: {
      count: { type: 'string', value: '<n>', default: '50', description: 'how many copies' },
      workers: {
        type: 'string',
        value: '<n>',
        default: '1',
        description: 'threads rendering copies, this one included',
      },
      digest: { type: 'boolean', description: 'print a digest of every rendered file (the same for any --workers)' },
    },
    notes:
      'Used by `pnpm bench` (scripts/bench/main.mjs); prints one JSON line with the totals and, with --digest, a digest of every rendered file, the same for any number of workers.',
  },
];

function flagLine(name: string, flag: FlagSpec): string {
  const names = `${flag.short ? `-${flag.short}, ` : '    '}--${name}${flag.value ? ` ${flag.value}` : ''}`;
  const extra = flag.default !== undefined && flag.type === 'string' ? ` (default ${flag.default})` : '';
  return `  ${names.padEnd(30)} ${flag.description}${extra}`;
}

/** The help of one command: usage, its flags, its environment variables. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [
    `usage: platform ${spec.name}${spec.usage ? ` ${spec.usage}` : ''}${Object.keys(spec.flags).length > 0 ? ' [flags]' : ''}`,
    '',
    `  ${spec.summary}`,
  ];
  lines.push('', 'flags:');
  for (const [name, flag] of Object.entries(spec.flags)) lines.push(flagLine(name, flag));
  lines.push(flagLine('help', { type: 'boolean', short: 'h', description: 'this help' }));
  if (spec.env && Object.keys(spec.env).length > 0) {
    lines.push('', 'environment variables:');
    for (const [name, description] of Object.entries(spec.env)) lines.push(`  ${name.padEnd(30)} ${description}`);
  }
  if (spec.notes) lines.push('', ...spec.notes.split('\n'));
  return lines.join('\n');
}

/** The overview: every command in one line. */
export function overview(): string {
  const lines = ['usage: platform <command> [arguments] [flags]', '', 'commands:'];
  for (const spec of COMMANDS) lines.push(`  ${`${spec.name} ${spec.usage}`.padEnd(36)} ${spec.summary}`);
  lines.push('', '`platform <command> --help` shows the flags and environment variables of a command.');
  return lines.join('\n');
}

/**
 * Parses the arguments of one command strictly: a flag the command does not have is an error that names the
 * commands that do have it, never silently ignored.
 */
export function parseCommand(spec: CommandSpec, args: string[]): ParsedCommand {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, flag] of Object.entries(spec.flags)) {
    options[name] = {
      type: flag.type,
      ...(flag.short ? { short: flag.short } : {}),
      ...(flag.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
      const bare = flag.replace(/^-+/, '');
      const owners = COMMANDS.filter(
        (other) =>
          other.name !== spec.name &&
          Object.entries(other.flags).some(([name, f]) => name === bare || f.short === bare),
      ).map((other) => other.name);
      const elsewhere = owners.length > 0 ? ` (it is a flag of ${owners.join(', ')})` : '';
      throw new CliError(`platform ${spec.name} has no flag ${flag}${elsewhere}; see \`platform ${spec.name} --help\``);
    }
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new CliError(`${(error as Error).message.split('\n')[0]}; see \`platform ${spec.name} --help\``);
    }
    throw error;
  }
  const flags: ParsedCommand['flags'] = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    const raw = parsed.values[name];
    if (flag.multiple) {
      flags[name] = ((raw as string[] | undefined) ?? [])
        .flatMap((value) => value.split(','))
        .filter((value) => value !== '');
      continue;
    }
    const value = raw ?? (flag.type === 'boolean' ? false : flag.default);
    if (flag.choices && typeof value === 'string' && !flag.choices.includes(value)) {
      throw new CliError(`--${name} must be ${flag.choices.map((c) => `"${c}"`).join(' or ')}, got "${value}"`);
    }
    flags[name] = value as string | boolean | undefined;
  }
  return { positionals: parsed.positionals, flags, help: parsed.values.help === true };
}

/** The spec of a command by name. */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((spec) => spec.name === name);
}

/** The `--daemonset-nodes` of plan and graph: how many pods a DaemonSet starts at the first sync. */
export function daemonSetNodes(parsed: ParsedCommand): number {
  const nodes = Number(parsed.flags['daemonset-nodes']);
  if (!Number.isInteger(nodes) || nodes < 1)
    throw new CliError(
      `--daemonset-nodes must be a whole number of at least 1, got "${parsed.flags['daemonset-nodes']}"`,
    );
  return nodes;
}
