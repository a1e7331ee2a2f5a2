import { type BuildContext, PlatformError } from '@platform/core';
import { type Check, podPolicy } from './admission.js';
import type { KyvernoConfig } from './config.js';
import type { IValidatingPolicy } from './kinds.js';

/** Name of the ValidatingPolicy. */
export const IMAGE_POLICY = 'platform-images';

/** Docker Hub's host names, all meaning `docker.io` (go-containerregistry reports `index.docker.io`). */
const DOCKER_HUB = ['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];

/** A CEL string literal. */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Allowed registries the way `images.allowed-registry` of @platform/policy reads them: an entry without `/` is
 * a registry host, one with `/` a repository prefix matched at path-segment boundaries; Docker Hub's aliases are
 * `docker.io`.
 */
function registryEntries(allowed: readonly string[]): { hosts: string[]; prefixes: string[] } {
  const normalize = (host: string) => (DOCKER_HUB.includes(host.toLowerCase()) ? 'docker.io' : host.toLowerCase());
  const hosts: string[] = [];
  const prefixes: string[] = [];
  for (const entry of allowed) {
    const slash = entry.indexOf('/');
    if (slash === -1) hosts.push(normalize(entry));
    else prefixes.push(`${normalize(entry.slice(0, slash))}/${entry.slice(slash + 1).replace(/\/+$/, '')}`);
  }
  return { hosts, prefixes };
}

/**
 * Image references parsed with Kyverno's CEL image library (`isImage`, `parseImageReference` and its `registry()`,
 * `repository()`, `tag()`, `containsDigest()`, kyverno/sdk `extensions/cel/libs/image`), which parses as
 * go-containerregistry does: a reference without a tag has the tag `latest`.
 */
export function imageChecks(allowed: readonly string[]): Check[] {
  const checks: Check[] = [
    {
      rule: 'images.pinned-tag',
      expression:
        "variables.containers.all(c, isImage(c.image) && (parseImageReference(c.image).containsDigest() || parseImageReference(c.image).tag() != 'latest'))",
      message: 'every image needs a tag other than "latest", or a digest',
    },
  ];
  if (allowed.length === 0) return checks;
  const { hosts, prefixes } = registryEntries(allowed);
  const list = (values: string[]) => `[${values.map(literal).join(', ')}]`;
  checks.push({
    rule: 'images.allowed-registry',
    expression: [
      'variables.containers.all(c, isImage(c.image) && [parseImageReference(c.image)].all(i,',
      `  [i.registry() in ${list(DOCKER_HUB)} ? 'docker.io' : i.registry()].all(r,`,
      `    r in ${list(hosts)} || ${list(prefixes)}.exists(p, r + '/' + i.repository() == p || (r + '/' + i.repository()).startsWith(p + '/')))))`,
    ].join('\n'),
    message: `every image must come from settings.allowedRegistries (${allowed.join(', ')})`,
  });
  return checks;
}

/** Pinned images from the environment's allowed registries, at run time. */
export function imagePolicy(context: BuildContext<KyvernoConfig>): IValidatingPolicy {
  const { policies } = context.config;
  const allowed = context.environment.settings.allowedRegistries ?? [];
  const bad = allowed.filter((entry) => entry.includes("'") || entry.trim() === '');
  if (bad.length > 0)
    throw new PlatformError({ path: 'settings.allowedRegistries', message: `not a registry: ${bad.join(', ')}` });
  return podPolicy(context, IMAGE_POLICY, policies.images.enforcement ?? policies.enforcement, imageChecks(allowed));
}
