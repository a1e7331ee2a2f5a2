import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** A package of the project's workspace (a library or an environment). */
export interface WorkspacePackage {
  name: string;
  /** Folder relative to the project root, `/`-separated. */
  dir: string;
  /** Other workspace packages it uses from the workspace (`workspace:` ranges), by name. */
  workspaceDependencies: string[];
  /** Every dependency as written, by name. */
  dependencies: Record<string, string>;
}

/** What one changed file means. */
export type Change =
  | { kind: 'everything'; reason: string; file?: string }
  | { kind: 'package'; name: string; file: string }
  | { kind: 'tarball'; path: string }
  | { kind: 'rendered'; environment: string; component: string; file: string };

/** Why an environment is affected, and which of its components (`all` when it cannot be narrowed). */
export interface Affected {
  environment: string;
  components: string[] | 'all';
  reasons: string[];
}

/** Files whose change can alter any environment's output. */
const EVERYTHING = new Set(['pnpm-lock.yaml', 'package.json', 'pnpm-workspace.yaml', 'package-lock.json', '.npmrc']);
/** Packages that shape every environment's output or check: the CLI itself and the policy rules. */
const EVERY_ENVIRONMENT_PACKAGES = new Set(['@platform/cli', '@platform/policy']);

/** Folder patterns of the workspace: pnpm-workspace.yaml's `packages:` list (`dir/*` or `dir`), else packages/* and environments/*. */
function workspacePatterns(root: string): string[] {
  const file = join(root, 'pnpm-workspace.yaml');
  if (!existsSync(file)) return ['packages/*', 'environments/*'];
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^packages:\s*$/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const match = /^\s*-\s*['"]?([^'"#\s]+)['"]?/.exec(line);
      if (match) patterns.push(match[1]!);
    }
  }
  return patterns;
}

/** The workspace's packages, read from their package.json files. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const dirs = new Set<string>();
  for (const pattern of workspacePatterns(root)) {
    if (pattern.startsWith('!')) continue;
    if (pattern.endsWith('/*')) {
      const base = pattern.slice(0, -2);
      for (const entry of existsSync(join(root, base)) ? readdirSync(join(root, base)) : [])
        dirs.add(`${base}/${entry}`);
    } else dirs.add(pattern);
  }
  const packages: WorkspacePackage[] = [];
  for (const dir of [...dirs].sort()) {
    const file = join(root, dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string } & Record<
      string,
      Record<string, string> | undefined
    >;
    if (!manifest.name) continue;
    const dependencies: Record<string, string> = {};
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'])
      Object.assign(dependencies, manifest[field] ?? {});
    packages.push({
      name: manifest.name,
      dir,
      dependencies,
      workspaceDependencies: Object.entries(dependencies)
        .filter(([, spec]) => spec.startsWith('workspace:'))
        .map(([name]) => name),
    });
  }
  return packages;
}

/** What each changed file (relative to the project root) means for rendering. */
export function classify(files: string[], packages: WorkspacePackage[], environments: string[]): Change[] {
  const byDir = [...packages].sort((a, b) => b.dir.length - a.dir.length);
  const changes: Change[] = [];
  for (const file of files) {
    if (EVERYTHING.has(file)) {
      changes.push({ kind: 'everything', reason: `${file} changed` });
      continue;
    }
    const rendered = /^rendered\/([^/]+)\/([^/]+)\//.exec(file);
    if (rendered && environments.includes(rendered[1]!)) {
      changes.push({ kind: 'rendered', environment: rendered[1]!, component: rendered[2]!, file });
      continue;
    }
    if (file.endsWith('.tgz')) {
      changes.push({ kind: 'tarball', path: file });
      continue;
    }
    const owner = byDir.find((pkg) => file.startsWith(`${pkg.dir}/`));
    if (!owner) continue;
    if (EVERY_ENVIRONMENT_PACKAGES.has(owner.name))
      changes.push({ kind: 'everything', reason: `${owner.name} changed`, file });
    else changes.push({ kind: 'package', name: owner.name, file });
  }
  return changes;
}

/** `packages/mimir/src/a.ts and 3 more files`. */
function filesSummary(files: string[]): string {
  return `${files[0]}${files.length > 1 ? ` and ${files.length - 1} more file${files.length > 2 ? 's' : ''}` : ''}`;
}

/** One reason per cause, with the files behind it summarised. */
function everythingReasons(changes: Change[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const change of changes)
    if (change.kind === 'everything')
      byReason.set(change.reason, [...(byReason.get(change.reason) ?? []), ...(change.file ? [change.file] : [])]);
  return [...byReason].map(([reason, files]) => (files.length > 0 ? `${reason} (${filesSummary(files)})` : reason));
}

/**
 * The component definitions a library declares (`defineComponent({ name: 'mimir', ... })`), read from its
 * sources: a component keeps its definition's name through `.named()`, so this maps library → components.
 */
function definedComponents(root: string, dir: string): string[] {
  const names = new Set<string>();
  const walk = (folder: string): void => {
    for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : []) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (/\.(?:ts|mts|js|mjs)$/.test(entry.name) && !/\.test\./.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(
          /defineComponent\s*(?:<[^>]*>)?\s*\(\s*\{[\s\S]*?\bname:\s*['"]([^'"]+)['"]/g,
        ))
          names.add(match[1]!);
      }
    }
  };
  walk(join(root, dir, 'src'));
  return [...names].sort();
}

/** A component as `affected` needs it: its name and the name of the definition it was made from. */
export interface ComponentRef {
  name: string;
  definition: string;
}

/**
 * Which environments (and components) the changes can affect. `environmentPackage(name)` is the workspace
 * package of an environment folder; `componentsOf(name)` lists an environment's components, or undefined
 * when it does not load.
 */
export function affectedEnvironments(options: {
  root: string;
  environments: string[];
  environmentDirs: Record<string, string>;
  changes: Change[];
  packages: WorkspacePackage[];
  componentsOf: (environment: string) => ComponentRef[] | undefined;
}): Affected[] {
  const { root, environments, environmentDirs, changes, packages } = options;
  const everything = everythingReasons(changes);
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  // A changed package changes every workspace package that uses it from the workspace, transitively.
  const files = new Map<string, string[]>();
  for (const change of changes)
    if (change.kind === 'package') files.set(change.name, [...(files.get(change.name) ?? []), change.file]);
  const changed = new Map<string, string>([...files].map(([name, list]) => [name, filesSummary(list)]));
  // Libraries propagate to libraries, environment packages (base, shared folders) to environment packages;
  // what a library change does to an environment is decided per component below.
  const environmentDirsStored = new Set(
    Object.values(environmentDirs).map((dir) => relative(root, dir).split(sep).join('/')),
  );
  const isEnvironmentPackage = (pkg: WorkspacePackage | undefined) =>
    pkg !== undefined && (pkg.dir.startsWith('environments/') || environmentDirsStored.has(pkg.dir));
  for (let grew = true; grew; ) {
    grew = false;
    for (const pkg of packages) {
      if (changed.has(pkg.name)) continue;
      const via = pkg.workspaceDependencies.find(
        (name) => changed.has(name) && isEnvironmentPackage(byName.get(name)) === isEnvironmentPackage(pkg),
      );
      if (via) {
        changed.set(pkg.name, `${via} changed`);
        grew = true;
      }
    }
  }
  const result: Affected[] = [];
  for (const environment of environments) {
    const dir = relative(root, environmentDirs[environment] ?? join(root, 'environments', environment))
      .split(sep)
      .join('/');
    const pkg = packages.find((p) => p.dir === dir);
    const reasons: string[] = [...everything];
    let all = reasons.length > 0;
    const components = new Set<string>();
    if (pkg && changed.has(pkg.name)) {
      all = true;
      reasons.push(`${pkg.name} changed (${changed.get(pkg.name)})`);
    }
    for (const change of changes) {
      if (change.kind === 'tarball' && pkg) {
        const spec = Object.values(pkg.dependencies).find(
          (s) => s.startsWith('file:') && resolve(root, dir, s.slice(5)) === resolve(root, change.path),
        );
        if (spec) {
          all = true;
          reasons.push(`${change.path} changed`);
        }
      }
      if (change.kind === 'rendered' && change.environment === environment) {
        components.add(change.component);
        reasons.push(`${change.file} changed`);
      }
    }
    // Libraries the environment (or an environment package it imports) runs from the workspace that changed:
    // their components.
    const scope = new Set<string>();
    const visit = (name: string): void => {
      const item = byName.get(name);
      if (!item || scope.has(name) || !isEnvironmentPackage(item)) return;
      scope.add(name);
      for (const dependency of item.workspaceDependencies) visit(dependency);
    };
    if (pkg) visit(pkg.name);
    const libraries = [
      ...new Set(
        [...scope].flatMap((name) =>
          byName.get(name)!.workspaceDependencies.filter((d) => changed.has(d) && !isEnvironmentPackage(byName.get(d))),
        ),
      ),
    ].sort();
    if (libraries.length > 0 && !all) {
      if (libraries.includes('@platform/core')) {
        all = true;
        reasons.push(`@platform/core changed (${changed.get('@platform/core')})`);
      } else {
        const refs = options.componentsOf(environment);
        if (!refs) {
          all = true;
          reasons.push(
            `${libraries.join(', ')} changed, and the environment does not load to say which components use them`,
          );
        } else {
          for (const library of libraries) {
            const definitions = new Set(definedComponents(root, byName.get(library)!.dir));
            const fromLibrary = refs.filter((ref) => definitions.has(ref.definition));
            for (const ref of fromLibrary) components.add(ref.name);
            if (fromLibrary.length > 0) reasons.push(`${library} changed (${changed.get(library)})`);
          }
        }
      }
    }
    if (all) result.push({ environment, components: 'all', reasons });
    else if (components.size > 0) result.push({ environment, components: [...components].sort(), reasons });
  }
  return result;
}
