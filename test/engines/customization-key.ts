/**
 * How Argo CD v3.4.4 reads split `argocd-cm` resource customization keys,
 * `resource.customizations.<type>.<group>_<kind>` (util/settings/settings.go:1104-1168
 * appendResourceOverridesFromSplitKeys and 1174-1182 convertToOverrideKey; documented in
 * docs/operator-manual/health.md:74 and :140), and which resource a key applies to (util/lua/lua.go:476-481
 * GetConfigMapKey).
 */

/** settings.go:1130-1166: the customization types a split key may name. */
const TYPES = [
  'health',
  'useOpenLibs',
  'actions',
  'ignoreDifferences',
  'ignoreResourceUpdates',
  'knownTypeFields',
] as const;

export type CustomizationType = (typeof TYPES)[number];

export interface CustomizationKey {
  type: CustomizationType;
  /** The resource override key: `group/kind`, `kind` for the core group, or `*\/*` for `all`. */
  resource: string;
}

/** ConfigMap data keys must consist of alphanumerics, '-', '_' or '.' (Kubernetes IsConfigMapKey). */
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Parses a split customization key as Argo CD does, throwing Argo CD's own error where it would fail to
 * load argocd-cm, and an explanatory one where it would silently ignore the key.
 */
export function parseCustomizationKey(key: string): CustomizationKey {
  if (!CONFIG_MAP_KEY.test(key) || key.length > 253) {
    throw new Error(`${key}: not a valid ConfigMap key (alphanumerics, '-', '_' and '.', at most 253 characters)`);
  }
  // settings.go:1106-1114: any key with this prefix, split into at most four parts on '.'.
  if (!key.startsWith('resource.customizations')) {
    throw new Error(`${key}: ignored by Argo CD: does not start with resource.customizations`);
  }
  const parts = splitN(key, '.', 4);
  if (parts.length < 4) {
    throw new Error(`${key}: ignored by Argo CD: expected resource.customizations.<type>.<group>_<kind>`);
  }
  if (parts[1] !== 'customizations') {
    // Argo CD only checks the prefix, so resource.customizationsX.health.Foo would load; flag it anyway.
    throw new Error(`${key}: the second part must be "customizations"`);
  }
  const type = parts[2]!;
  if (!(TYPES as readonly string[]).includes(type)) {
    throw new Error(`resource customization type ${type} not supported`);
  }
  let resource = convertToOverrideKey(parts[3]!);
  if (resource === 'all') resource = '*/*';
  return { type: type as CustomizationType, resource };
}

/** settings.go:1174-1182 */
function convertToOverrideKey(groupKind: string): string {
  const parts = groupKind.split('_');
  if (parts.length === 2) return `${parts[0]}/${parts[1]}`;
  if (parts.length === 1 && groupKind !== '') return groupKind;
  throw new Error(
    `group kind should be in format \`resource.customizations.<type>.<group_kind>\` or resource.customizations.<type>.<kind>\`, got group kind: '${groupKind}'`,
  );
}

/** Go's strings.SplitN: at most n parts, the last holding the rest. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** lua.go:476-481 GetConfigMapKey: the override key Argo CD looks a resource up by. */
export function resourceKey(group: string, kind: string): string {
  return group === '' ? kind : `${group}/${kind}`;
}

/** The split argocd-cm key for a customization of a resource type (health.md:74). */
export function customizationKey(type: CustomizationType, group: string, kind: string): string {
  return `resource.customizations.${type}.${group === '' ? kind : `${group}_${kind}`}`;
}

/**
 * Checks that `key` is a valid split key of `type` that Argo CD applies to resources of `group`/`kind`;
 * returns the problems, empty when it does.
 */
export function checkCustomizationKey(
  key: string,
  expected: { type: CustomizationType; group: string; kind: string },
): string[] {
  let parsed: CustomizationKey;
  try {
    parsed = parseCustomizationKey(key);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  if (parsed.type !== expected.type) problems.push(`${key}: is a ${parsed.type} customization, not ${expected.type}`);
  const wanted = resourceKey(expected.group, expected.kind);
  // "all" becomes */*, which lua.go:486-495 matches against every resource with a glob.
  if (parsed.resource !== wanted && parsed.resource !== '*/*') {
    problems.push(
      `${key}: applies to ${parsed.resource}, not ${wanted} (expected ${customizationKey(expected.type, expected.group, expected.kind)})`,
    );
  }
  return problems;
}
