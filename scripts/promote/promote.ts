import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import semver from 'semver';
import { archivedTarball, RELEASES_FOLDER, readTarballManifest } from '../release/archive.js';
import { describeDrift, releaseDrift } from '../release/drift.js';
import { libraryPackages } from '../release/workspace.js';

/** The order versions travel through environments when none is configured. */
export const DEFAULT_PROMOTION_ORDER = ['dev', 'staging', 'prod'];

/** What `pnpm promote <component> --from <env> --to <env> [--force]` is asked to do. */
export interface PromoteOptions {
  /** Repository root. */
  root: string;
  /** `mimir` or `@platform/mimir`. */
  component: string;
  from: string;
  to: string;
  /** Promote although the order or the core version says no (the reason is still printed). */
  force?: boolean;
  /** Brings node_modules and the lockfile in line with the rewritten manifest; default `pnpm install --offline`. */
  install?: (root: string) => Promise<void>;
  /**
   * Why the workspace source of a released version no longer builds that release, if it does not (an edit
   * without a version bump); default: build, pack and compare with the archived tarball.
   */
  drift?: (root: string, name: string) => Promise<string | undefined>;
  /** Shows what the promotion changes in the target's render; default `node scripts/platform.mjs diff <to>`. */
  showDiff?: (root: string, environment: string) => Promise<void>;
  log?: (line: string) => void;
}

/** A refusal: the promotion was not made, and the message says why and what to do. */
export class PromotionRefused extends Error {
  override readonly name = 'PromotionRefused';
}

/** Which version of a library an environment runs, and from where. */
export interface Pin {
  /** The dependency as written in the environment's package.json. */
  spec: string;
  /** The library version it resolves to. */
  version: string;
  /** Workspace source (dev) or a published version from the release archive. */
  kind: 'workspace' | 'published';
  /** The archived tarball, for published versions. */
  tarball?: string;
}

interface EnvironmentManifest {
  path: string;
  text: string;
  dependencies: Record<string, string>;
}

/** The environments, in the order a version travels through them (package.json `platform.promotionOrder`). */
export function promotionOrder(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    platform?: { promotionOrder?: string[] };
  };
  return manifest.platform?.promotionOrder ?? DEFAULT_PROMOTION_ORDER;
}

function readEnvironment(root: string, name: string): EnvironmentManifest {
  const path = join(root, 'environments', name, 'package.json');
  if (!existsSync(path))
    throw new PromotionRefused(`no environment "${name}": environments/${name}/package.json does not exist`);
  const text = readFileSync(path, 'utf8');
  return {
    path,
    text,
    dependencies: (JSON.parse(text) as { dependencies?: Record<string, string> }).dependencies ?? {},
  };
}

/** Resolves an environment's dependency on a library to the version it runs. */
export function resolvePin(root: string, environment: string, name: string, spec: string): Pin {
  if (spec.startsWith('workspace:')) {
    const library = libraryPackages(root).find((candidate) => candidate.name === name);
    if (!library)
      throw new PromotionRefused(
        `environments/${environment} uses ${name} from the workspace, but packages/ has no such library`,
      );
    return { spec, version: library.version, kind: 'workspace' };
  }
  if (spec.startsWith('file:')) {
    const tarball = resolve(root, 'environments', environment, spec.slice('file:'.length));
    if (!existsSync(tarball))
      throw new PromotionRefused(`environments/${environment} pins ${name} to ${spec}, which does not exist`);
    const manifest = readTarballManifest(tarball);
    if (manifest.name !== name)
      throw new PromotionRefused(`environments/${environment} pins ${name} to ${spec}, which holds ${manifest.name}`);
    return { spec, version: manifest.version, kind: 'published', tarball };
  }
  const version = semver.valid(spec);
  if (!version)
    throw new PromotionRefused(
      `environments/${environment} depends on ${name}@"${spec}"; pin an exact version (a releases/ tarball) or use "workspace:^"`,
    );
  const tarball = archivedTarball(join(root, RELEASES_FOLDER), name, version);
  return { spec, version, kind: 'published', ...(tarball ? { tarball } : {}) };
}

/** The dependency spec that pins an environment to an archived tarball: `file:../../releases/<tarball>`. */
function fileSpec(root: string, environment: string, tarball: string): string {
  return `file:${relative(join(root, 'environments', environment), tarball)
    .split(sep)
    .join('/')}`;
}

/** Rewrites one dependency in place, so the rest of the file keeps its formatting. */
function withDependency(manifest: EnvironmentManifest, name: string, spec: string): string {
  if (name in manifest.dependencies) {
    const pattern = new RegExp(`("${name.replace(/[/\\^$*+?.()|[\]{}-]/g, '\\$&')}"\\s*:\\s*)"[^"]*"`);
    if (pattern.test(manifest.text)) return manifest.text.replace(pattern, `$1${JSON.stringify(spec)}`);
  }
  const parsed = JSON.parse(manifest.text) as { dependencies?: Record<string, string> };
  parsed.dependencies = Object.fromEntries(
    Object.entries({ ...parsed.dependencies, [name]: spec }).sort(([a], [b]) => a.localeCompare(b)),
  );
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

/** Why promoting `version` from `from` to `to` breaks the promotion order, if it does. */
function orderProblem(
  root: string,
  order: string[],
  options: { name: string; from: string; to: string; version: string },
): string | undefined {
  const fromIndex = order.indexOf(options.from);
  const toIndex = order.indexOf(options.to);
  if (fromIndex === -1 || toIndex === -1) return undefined;
  const sequence = order.join(' → ');
  if (toIndex <= fromIndex) {
    return `${options.to} comes before ${options.from} in the promotion order (${sequence}); a version moves forward only. To roll ${options.to} back on purpose, pass --force.`;
  }
  const between = order.slice(fromIndex + 1, toIndex).map((name) => {
    const spec = readEnvironment(root, name).dependencies[options.name];
    return { name, pin: spec === undefined ? undefined : resolvePin(root, name, options.name, spec) };
  });
  const skipped = between.filter(({ pin }) => pin?.kind !== 'published' || pin.version !== options.version);
  if (skipped.length === 0) return undefined;
  const runs = skipped.map(({ name, pin }) =>
    pin
      ? `${name} runs ${pin.version}${pin.kind === 'workspace' ? ' from the workspace' : ''}`
      : `${name} does not use it`,
  );
  return `${options.name}@${options.version} would skip ${skipped.map(({ name }) => name).join(', ')} in the promotion order ${sequence} (${runs.join('; ')}); promote --from ${options.from} --to ${skipped[0]!.name} first, or pass --force.`;
}

/** Why the target's @platform/core and components would not fit together after the promotion, if they would not. */
function coreProblem(
  root: string,
  to: string,
  dependencies: Record<string, string>,
  promoted: { name: string; tarball: string; version: string },
): string | undefined {
  const core = '@platform/core';
  const pins = Object.entries(dependencies)
    .filter(([name]) => name.startsWith('@platform/'))
    .map(([name, spec]) => [name, resolvePin(root, to, name, spec)] as const);
  const corePin = promoted.name === core ? { version: promoted.version } : pins.find(([name]) => name === core)?.[1];
  if (!corePin)
    return `environments/${to} does not depend on ${core}; pin it too, so its components render with the core they were built for.`;
  const problems: string[] = [];
  for (const [name, pin] of pins) {
    if (name === core) continue;
    const tarball = name === promoted.name ? promoted.tarball : pin.tarball;
    if (!tarball) continue; // workspace source: always built against the workspace core
    const range = readTarballManifest(tarball).peerDependencies?.[core];
    if (range && !semver.satisfies(corePin.version, range))
      problems.push(`${name}@${name === promoted.name ? promoted.version : pin.version} needs ${core}@${range}`);
  }
  if (problems.length === 0) return undefined;
  return `after this promotion environments/${to} would run ${core}@${corePin.version}, but ${problems.join(' and ')}; promote ${core} ${promoted.name === core ? 'together with those components' : 'first'}, or pass --force.`;
}

/**
 * Sets the target environment to the version of a library the source environment runs, installs it from the
 * release archive, and shows the render diff that causes. Refuses (and changes nothing) when the source runs
 * unreleased workspace source, when the promotion would move backwards or skip an environment in the
 * promotion order, or when the target's @platform/core would not satisfy its components; --force overrides
 * the order and core checks, never the need for a released version.
 */
export async function promote(options: PromoteOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { root, from, to } = options;
  const name = options.component.startsWith('@') ? options.component : `@platform/${options.component}`;
  if (from === to) throw new PromotionRefused(`--from and --to are both "${from}"`);
  const source = readEnvironment(root, from);
  const target = readEnvironment(root, to);
  const sourceSpec = source.dependencies[name];
  if (sourceSpec === undefined)
    throw new PromotionRefused(`environments/${from} does not use ${name}; nothing to promote`);
  const sourcePin = resolvePin(root, from, name, sourceSpec);
  const tarball = sourcePin.tarball ?? archivedTarball(join(root, RELEASES_FOLDER), name, sourcePin.version);
  if (!tarball) {
    throw new PromotionRefused(
      `${from} runs ${name} ${sourcePin.version} from the workspace, and that version is not released (no ${RELEASES_FOLDER}/ tarball); ` +
        `release it first: \`pnpm changeset\`, \`pnpm version-packages\`, \`pnpm release\`.`,
    );
  }

  // Dev's source under a released version number must be that release, or "nothing to promote" would hide
  // the change and staging would never get it.
  if (sourcePin.kind === 'workspace') {
    const drift = await (options.drift ?? sourceDrift)(root, name);
    if (drift)
      throw new PromotionRefused(
        `${from} runs ${name} ${sourcePin.version} from the workspace, but that is not the released ${sourcePin.version}: ${drift}`,
      );
  }

  const targetSpec = target.dependencies[name];
  if (targetSpec !== undefined) {
    const targetPin = resolvePin(root, to, name, targetSpec);
    if (targetPin.kind === 'published' && targetPin.version === sourcePin.version) {
      log(`${to} already runs ${name}@${sourcePin.version}; nothing to promote.`);
      return;
    }
  } else {
    log(
      `note: environments/${to} did not depend on ${name}; its package.json gets the dependency, its code must import it to render it.`,
    );
  }

  const problems = [
    orderProblem(root, promotionOrder(root), { name, from, to, version: sourcePin.version }),
    coreProblem(
      root,
      to,
      { ...target.dependencies, [name]: fileSpec(root, to, tarball) },
      { name, tarball, version: sourcePin.version },
    ),
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    if (!options.force) throw new PromotionRefused(`refused: ${problems.join('\n')}`);
    for (const problem of problems) log(`forced past: ${problem}`);
  }

  const spec = fileSpec(root, to, tarball);
  writeFileSync(target.path, withDependency(target, name, spec));
  log(`environments/${to}: ${name} ${targetSpec ?? '(none)'} → ${spec}`);
  try {
    await (options.install ?? installOffline)(root);
  } catch (error) {
    writeFileSync(target.path, target.text);
    throw new PromotionRefused(
      `installing failed, environments/${to}/package.json is restored: ${(error as Error).message}`,
    );
  }
  log(`render diff of ${to} (against rendered/${to}/):`);
  await (options.showDiff ?? showRenderDiff)(root, to);
  log(`next: \`pnpm render ${to}\`, then commit environments/${to}/package.json, pnpm-lock.yaml and rendered/${to}/.`);
}

async function sourceDrift(root: string, name: string): Promise<string | undefined> {
  const [drift] = await releaseDrift(root, { only: [name] });
  return drift ? describeDrift(root, drift) : undefined;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  inherit: boolean,
): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/** Archived tarballs need no network; the fallback covers a store that lacks one of their third-party dependencies. */
async function installOffline(root: string): Promise<void> {
  const offline = await run('pnpm', ['install', '--offline'], root, false);
  if (offline.code === 0) return;
  const online = await run('pnpm', ['install', '--prefer-offline'], root, false);
  if (online.code !== 0) throw new Error(`pnpm install failed:\n${online.output.trim()}`);
}

async function showRenderDiff(root: string, environment: string): Promise<void> {
  await run(process.execPath, [join(root, 'scripts', 'platform.mjs'), 'diff', environment], root, true);
}
