import type { Problem } from '../model/errors.js';
import type { KubeObject } from '../model/objects.js';
import { isDnsLabel, isDnsSubdomain, LABEL_VALUE } from '../util/names.js';

/** Kinds whose names must be DNS labels, not just subdomains (apimachinery's ValidateNamespaceName, Service names). */
const LABEL_NAMES = new Set(['Namespace', 'Service']);

/** Problems with an object's name and labels, which no schema states (apimachinery's name validation). */
export function metadataProblems(object: KubeObject): Problem[] {
  const problems: Problem[] = [];
  const name = object.metadata?.name;
  if (typeof name !== 'string' || name === '') return [{ path: 'metadata.name', message: 'every object needs a name' }];
  const label = LABEL_NAMES.has(object.kind);
  const ok = label ? isDnsLabel(name) : isDnsSubdomain(name);
  if (!ok)
    problems.push({
      path: 'metadata.name',
      message: `"${name}" is not a valid ${label ? 'DNS label (at most 63 lower-case letters, digits and "-")' : 'DNS subdomain name'}`,
    });
  for (const [key, value] of Object.entries(object.metadata?.labels ?? {})) {
    if (typeof value === 'string' && (value.length > 63 || !LABEL_VALUE.test(value)))
      problems.push({
        path: `metadata.labels.${key}`,
        message: `"${value}" is not a valid label value (at most 63 characters: letters, digits, "-", "_", ".")`,
      });
  }
  return problems;
}
