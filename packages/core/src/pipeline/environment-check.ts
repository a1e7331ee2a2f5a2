import { isComponent, uncalledComponentName } from '../model/component.js';
import { ConfigChecks } from '../model/config-checks.js';
import type { Environment } from '../model/environment.js';
import { describeValue, type PlatformError } from '../model/errors.js';
import { isDnsLabel } from '../util/names.js';

/** Longest bucket purpose the libraries append (`-tempo-traces` ...), so that every bucket name fits S3's 63. */
const BUCKET_SUFFIX_BUDGET = 20;

/** A git remote Argo CD and Flux accept: an http(s)/ssh/git URL, or scp-like `git@host:path`. */
function isGitUrl(value: string): boolean {
  if (/^[\w.-]+@[\w.-]+:[\w./~-]+$/.test(value)) return true;
  try {
    const url = new URL(value);
    return ['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) && url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** A component's name as the user will recognise it: its name, or what stands in the list. */
function describeEntry(entry: unknown, index: number): string {
  if (isComponent(entry)) return entry.name;
  return `components[${index}]`;
}

/**
 * Stage 0: the environment's own fields and the shape of its component list, before any component runs.
 * Everything a value could silently damage (a domain given as a URL, a bucket prefix S3 refuses) is an error
 * naming the field.
 */
export function checkEnvironment(environment: Environment): void {
  const checks = new ConfigChecks();
  checks.dnsLabel('name', environment.name);
  checks.dnsLabel('cluster.name', environment.cluster?.name);
  checks.url('cluster.server', environment.cluster?.server, { schemes: ['https'] });
  const repo = environment.repo ?? { url: '', revision: '' };
  checks.require(
    typeof repo.url === 'string' && isGitUrl(repo.url),
    'repo.url',
    `expected a git repository URL such as "https://git.example.com/platform.git" or "git@git.example.com:platform.git", got ${describeValue(repo.url)}`,
  );
  checks.require(
    typeof repo.revision === 'string' && repo.revision.trim() !== '' && !/\s/.test(repo.revision),
    'repo.revision',
    `expected a branch, tag or commit such as "refs/heads/main", got ${describeValue(repo.revision)}`,
  );
  const settings = environment.settings;
  checks.hostName('settings.baseDomain', settings?.baseDomain);
  const storage = settings?.objectStorage;
  checks.require(
    typeof storage?.endpoint === 'string' &&
      storage.endpoint.length > 0 &&
      !/^[a-z]+:\/\//i.test(storage.endpoint) &&
      !/[/\s]/.test(storage.endpoint),
    'settings.objectStorage.endpoint',
    `expected a host[:port] without scheme or path, got ${describeValue(storage?.endpoint)}`,
  );
  checks.require(
    typeof storage?.bucketPrefix === 'string' &&
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(storage.bucketPrefix) &&
      !storage.bucketPrefix.includes('--') &&
      storage.bucketPrefix.length <= 63 - BUCKET_SUFFIX_BUDGET,
    'settings.objectStorage.bucketPrefix',
    `expected lower-case letters, digits and single '-' (at most ${63 - BUCKET_SUFFIX_BUDGET} characters), so that every bucket name "<prefix>-<purpose>" is a valid S3 bucket name, got ${describeValue(storage?.bucketPrefix)}`,
  );
  const scrapers: unknown = settings?.metricsScraperNamespaces;
  if (scrapers !== undefined) {
    checks.require(
      Array.isArray(scrapers) && scrapers.every((ns) => typeof ns === 'string' && isDnsLabel(ns)),
      'settings.metricsScraperNamespaces',
      `expected a list of namespace names, got ${describeValue(scrapers)}`,
    );
  }
  if (settings?.imageRegistryMirror !== undefined) {
    checks.require(
      /^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*\/?$/.test(settings.imageRegistryMirror),
      'settings.imageRegistryMirror',
      `expected a registry host with an optional path, without scheme, such as "registry.example.com/mirror", got ${describeValue(settings.imageRegistryMirror)}`,
    );
  }
  const share = environment.delivery?.maxFirstSyncShare;
  if (share !== undefined)
    checks.require(
      typeof share === 'number' && share > 0 && share <= 1,
      'delivery.maxFirstSyncShare',
      `expected a share between 0 and 1, got ${describeValue(share)}`,
    );
  if (!Array.isArray(environment.components)) {
    checks.require(false, 'components', `expected a list of components, got ${describeValue(environment.components)}`);
  } else {
    const seen = new Set<string>();
    environment.components.forEach((entry: unknown, index) => {
      const uncalled =
        uncalledComponentName(entry) ?? (typeof entry === 'function' ? (entry as { name?: string }).name : undefined);
      if (typeof entry === 'function') {
        checks.require(
          false,
          `components[${index}]`,
          `${uncalled || 'this entry'} is a component library function; call it: ${uncalled || 'library'}()`,
        );
        return;
      }
      if (!isComponent(entry)) {
        checks.require(
          false,
          `components[${index}]`,
          `expected a component such as mimir({ ... }), got ${describeValue(entry)}`,
        );
        return;
      }
      const where = describeEntry(entry, index);
      checks.require(
        isDnsLabel(entry.name) && entry.name.length <= 40,
        where,
        `component name "${entry.name}" must be a DNS label of at most 40 characters`,
      );
      checks.require(isDnsLabel(entry.namespace), where, `namespace "${entry.namespace}" must be a DNS label`);
      checks.require(
        !seen.has(entry.name),
        where,
        `two components are named "${entry.name}"; rename one with .named("...")`,
      );
      seen.add(entry.name);
    });
  }
  try {
    checks.done();
  } catch (error) {
    throw (error as PlatformError).within({ environment: environment.name });
  }
}
