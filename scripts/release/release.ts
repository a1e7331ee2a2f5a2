import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import semver from 'semver';
import {
  archivedTarball,
  archivedVersions,
  DEPENDENCY_FIELDS,
  integrityOf,
  RELEASES_FOLDER,
  readTarballManifest,
} from './archive.js';
import { build, inDependencyOrder, pack, run } from './build.js';
import { describeDrift, releaseDrift } from './drift.js';
import { NpmRegistry, ReleaseError } from './registry.js';
import { type LibraryPackage, libraryPackages, withDependencies } from './workspace.js';

/** What `pnpm release` is asked to do. */
export interface ReleaseOptions {
  /** Repository root. */
  root: string;
  /** Registry URL. */
  registry: string;
  /** Token with publish rights; without one, npm's own login for the registry is used. */
  token?: string;
  /** Release only these libraries (`@platform/mimir` or `mimir`); default: every library. */
  packages?: string[];
  /** Folder of the release archive; default `<root>/releases`. */
  archive?: string;
  /** Tag each released version in git as `<name>@<version>`; default true. */
  tag?: boolean;
  /** Show what would happen without building or publishing. */
  dryRun?: boolean;
  /** Where progress goes; default the console. */
  log?: (line: string) => void;
}

/** One version that reached the registry in this run. */
export interface ReleasedVersion {
  name: string;
  version: string;
  /** Path of its tarball in the archive. */
  archived: string;
  /** How it got there: built and packed now, or republished from the archive into a registry that lacked it. */
  source: 'build' | 'archive';
  /** The git tag created for it, if any. */
  tag?: string;
}

/** What a release did. */
export interface ReleaseReport {
  registry: string;
  user: string;
  released: ReleasedVersion[];
  /** Versions the registry already held with exactly this content, archived now (a previous run stopped after publishing). */
  adopted: string[];
  /** `name@version` of libraries whose current version is already published and archived. */
  unchanged: string[];
  /** The version the registry refused; nothing after it was attempted, and it was not archived. */
  failed?: { name: string; version: string; reason: string };
  /** `name@version` of the versions that were planned after the failed one. */
  notAttempted: string[];
}

interface PlannedVersion {
  library: LibraryPackage;
  version: string;
  source: 'build' | 'archive';
  /** The tarball to publish: in the archive (source archive) or in the staging folder once packed. */
  tarball?: string;
}

/**
 * Publishes the libraries whose version the registry does not hold yet, in dependency order, and archives each
 * published tarball in releases/. Everything that can be checked is checked before the first publish: the
 * credentials, that a named library's version is not published already, that a published version is not
 * rebuilt with different content, and that every @platform dependency range can be satisfied. A refusal
 * there throws a {@link ReleaseError} and publishes nothing. A version the registry refuses later stops the
 * run: the report lists what was published (and archived) before it, and the refused one is not archived.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const archive = options.archive ?? join(options.root, RELEASES_FOLDER);
  const registry = new NpmRegistry(options.registry, options.token);
  const staging = mkdtempSync(join(tmpdir(), 'platform-pack-'));
  try {
    // A dry run only reads the registry, which anyone may: it needs no login.
    const user = options.dryRun
      ? await registry.whoami().catch(() => '(nobody: not logged in)')
      : await registry.whoami();
    log(`registry ${registry.url} as ${user}`);
    const libraries = libraryPackages(options.root);
    const named = (options.packages ?? []).length > 0;
    const selected = selectLibraries(libraries, options.packages);
    const published = new Map(
      await Promise.all(
        selected.map(async (library) => [library.name, await registry.versions(library.name)] as const),
      ),
    );

    const { plan, unchanged, unarchived, refusals } = planVersions(selected, published, archive, registry.url, named);
    const report: ReleaseReport = {
      registry: registry.url,
      user,
      released: [],
      adopted: [],
      unchanged,
      notAttempted: [],
    };
    // "Already published" must mean "published with this content": a library edited without a version bump
    // would otherwise be called unchanged while dev renders something no release holds.
    const releasedNow = selected
      .filter((library) => archivedVersions(archive, library.name).includes(library.version))
      .map((library) => library.name);
    for (const drift of await releaseDrift(options.root, { only: releasedNow, archive, log }))
      refusals.push(describeDrift(options.root, drift));
    if (refusals.length > 0) throw new ReleaseError(`${refusals.join('\n')}\nNothing was published.`);

    for (const step of plan)
      log(
        `  ${step.library.name}@${step.version}: ${step.source === 'build' ? 'build and publish' : `publish from ${RELEASES_FOLDER}/ (the registry lacks it)`}`,
      );
    for (const library of unarchived)
      log(
        `  ${library.name}@${library.version}: published but not in ${RELEASES_FOLDER}/; checking that it matches this checkout`,
      );
    for (const id of unchanged) log(`  ${id}: already published`);
    if (plan.length === 0 && unarchived.length === 0) {
      log(
        'nothing to release: every library version is already published. Bump versions with `pnpm changeset` and `pnpm version-packages`.',
      );
      return report;
    }
    if (options.dryRun) {
      log('dry run: nothing was published.');
      return report;
    }

    const toBuild = [...plan.filter((step) => step.source === 'build').map((step) => step.library), ...unarchived];
    await inDependencyOrder(
      withDependencies(
        libraries,
        toBuild.map((l) => l.name),
      ),
      (library) => build(library, log),
    );
    const tarballs = new Map<LibraryPackage, string>();
    await inDependencyOrder(
      toBuild.map((library) => ({ ...library, internal: [] })),
      async (library) => {
        tarballs.set(toBuild.find((candidate) => candidate.name === library.name)!, await pack(library, staging));
      },
    );
    for (const library of toBuild) {
      const tarball = tarballs.get(library)!;
      const step = plan.find((candidate) => candidate.library === library && candidate.source === 'build');
      if (step) step.tarball = tarball;
      else {
        // Published before, but the archive lacks it: a run that stopped between publishing and archiving.
        const theirs = await registry.integrity(library.name, library.version);
        if (theirs !== integrityOf(tarball)) {
          refusals.push(
            `${library.name}@${library.version} is already published to ${registry.url} with different content than this checkout builds; a published version never changes. Bump the version with \`pnpm changeset\` and \`pnpm version-packages\`.`,
          );
        } else {
          placeInArchive(tarball, archive);
          report.adopted.push(`${library.name}@${library.version}`);
          log(`  ${library.name}@${library.version}: the registry holds exactly this build; archived it`);
        }
      }
    }
    refusals.push(...(await unsatisfiedDependencies(plan, published, registry)));
    if (refusals.length > 0) throw new ReleaseError(`${refusals.join('\n')}\nNothing was published.`);

    for (const [index, step] of plan.entries()) {
      const id = `${step.library.name}@${step.version}`;
      try {
        await registry.publish(step.tarball!);
      } catch (error) {
        report.failed = { name: step.library.name, version: step.version, reason: (error as Error).message };
        report.notAttempted = plan.slice(index + 1).map((later) => `${later.library.name}@${later.version}`);
        log(`FAILED ${id}: the registry refused it: ${report.failed.reason}`);
        break;
      }
      const archived = step.source === 'build' ? placeInArchive(step.tarball!, archive) : step.tarball!;
      const tag =
        step.source === 'build' && options.tag !== false
          ? await tagRelease(options.root, step.library, step.version, log)
          : undefined;
      report.released.push({
        name: step.library.name,
        version: step.version,
        archived,
        source: step.source,
        ...(tag ? { tag } : {}),
      });
      log(`published ${id} → ${relative(options.root, archived)}${tag ? `, tagged ${tag}` : ''}`);
    }
    if (report.failed) {
      const done = report.released.map((r) => `${r.name}@${r.version}`);
      log(
        `published and archived: ${done.length > 0 ? done.join(', ') : 'none'}; not attempted: ${report.notAttempted.length > 0 ? report.notAttempted.join(', ') : 'none'}. Fix the cause and run \`pnpm release\` again: it continues with what is missing.`,
      );
    }
    return report;
  } finally {
    registry.dispose();
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What the registry and the archive say must happen to each selected library. */
function planVersions(
  selected: LibraryPackage[],
  published: Map<string, string[]>,
  archive: string,
  registryUrl: string,
  named: boolean,
) {
  const plan: PlannedVersion[] = [];
  const unchanged: string[] = [];
  const unarchived: LibraryPackage[] = [];
  const refusals: string[] = [];
  for (const library of selected) {
    const inRegistry = new Set(published.get(library.name));
    const archived = archivedVersions(archive, library.name);
    // The registry should hold every archived version: a fresh registry is refilled from the archive.
    for (const version of archived) {
      if (!inRegistry.has(version))
        plan.push({ library, version, source: 'archive', tarball: archivedTarball(archive, library.name, version) });
    }
    if (!inRegistry.has(library.version)) {
      if (!archived.includes(library.version)) plan.push({ library, version: library.version, source: 'build' });
    } else if (named) {
      refusals.push(
        `${library.name}@${library.version} is already published to ${registryUrl}; a published version never changes. Record the change with \`pnpm changeset\`, apply it with \`pnpm version-packages\`, then release the new version.`,
      );
    } else if (archived.includes(library.version)) {
      unchanged.push(`${library.name}@${library.version}`);
    } else {
      unarchived.push(library);
    }
  }
  return { plan, unchanged, unarchived, refusals };
}

function selectLibraries(libraries: LibraryPackage[], names: string[] | undefined): LibraryPackage[] {
  if (!names || names.length === 0) return libraries;
  const wanted = names.map((name) => (name.startsWith('@') ? name : `@platform/${name}`));
  const unknown = wanted.filter((name) => !libraries.some((library) => library.name === name));
  if (unknown.length > 0)
    throw new ReleaseError(
      `no such library: ${unknown.join(', ')}; libraries: ${libraries.map((l) => l.name).join(', ')}`,
    );
  return libraries.filter((library) => wanted.includes(library.name));
}

/** Every @platform range a planned version installs with must be met by a version that is or will be published. */
async function unsatisfiedDependencies(
  plan: PlannedVersion[],
  published: Map<string, string[]>,
  registry: NpmRegistry,
): Promise<string[]> {
  const problems: string[] = [];
  for (const step of plan) {
    const manifest = readTarballManifest(step.tarball!);
    for (const field of DEPENDENCY_FIELDS) {
      for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
        if (range.startsWith('workspace:')) {
          problems.push(
            `${step.library.name}@${step.version}: ${field}.${dependency} is still "${range}" in the packed manifest; pack with pnpm so workspace ranges become versions.`,
          );
          continue;
        }
        // Consumers never install devDependencies.
        if (field === 'devDependencies' || !dependency.startsWith('@platform/')) continue;
        if (!published.has(dependency)) published.set(dependency, await registry.versions(dependency));
        const available = [
          ...published.get(dependency)!,
          ...plan.filter((other) => other.library.name === dependency).map((other) => other.version),
        ];
        if (!available.some((version) => semver.satisfies(version, range))) {
          problems.push(
            `${step.library.name}@${step.version} needs ${dependency}@${range}, which is neither published nor part of this release; release ${dependency} too.`,
          );
        }
      }
    }
  }
  return problems;
}

/** Moves a published tarball into the archive; written under a temporary name first, so it appears whole. */
function placeInArchive(tarball: string, archive: string): string {
  mkdirSync(archive, { recursive: true });
  const target = join(archive, tarball.slice(tarball.lastIndexOf('/') + 1));
  const partial = `${target}.partial`;
  copyFileSync(tarball, partial);
  renameSync(partial, target);
  rmSync(tarball, { force: true });
  return target;
}

/** Tags the released source as `<name>@<version>` when its folder has no uncommitted changes. */
async function tagRelease(
  root: string,
  library: LibraryPackage,
  version: string,
  log: (line: string) => void,
): Promise<string | undefined> {
  const tag = `${library.name}@${version}`;
  if ((await run('git', ['rev-parse', '--is-inside-work-tree'], root)).code !== 0) return undefined;
  if ((await run('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${tag}`], root)).code === 0) {
    log(`  tag ${tag} exists already; left as it is`);
    return undefined;
  }
  const status = await run('git', ['status', '--porcelain', '--', relative(root, library.dir)], root);
  if (status.output.trim() !== '') {
    log(
      `  not tagged: ${relative(root, library.dir)} has uncommitted changes, so HEAD is not what was published. Commit, then: git tag ${tag}`,
    );
    return undefined;
  }
  const created = await run('git', ['tag', tag], root);
  if (created.code !== 0) {
    log(`  could not tag ${tag}: ${created.output.trim()}`);
    return undefined;
  }
  return tag;
}
