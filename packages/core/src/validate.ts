import type { Problem } from './errors.js';
import { MODEL_LOADERS, type ModelClass } from './kinds.js';
import { isPlainObject } from './patch.js';
import type { KubeObject } from './objects.js';
import { objectRef } from './objects.js';

interface Access {
  keys: Set<PropertyKey>;
  enumerated: boolean;
}

/**
 * Runs a kubernetes-models validator over a proxy that records which fields the validator reads. The
 * validators are generated from the OpenAPI schemas and read every property the schema knows; a field the
 * validator never read is one the API server would silently prune, i.e. a misspelling. Objects the validator
 * never looked into are free-form (`x-kubernetes-preserve-unknown-fields`, Helm values) and are not checked.
 */
function trackedValidation(validate: (this: unknown) => void, data: object): { error?: { errors?: AjvError[]; message: string }; accesses: Map<object, Access> } {
  const accesses = new Map<object, Access>();
  const proxies = new WeakMap<object, object>();
  const record = (target: object): Access => {
    let access = accesses.get(target);
    if (!access) accesses.set(target, (access = { keys: new Set(), enumerated: false }));
    return access;
  };
  const wrap = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const existing = proxies.get(value);
    if (existing) return existing;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (!Array.isArray(target)) record(target).keys.add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (!Array.isArray(target)) record(target).keys.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        record(target).enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  try {
    validate.call(wrap(data));
    return { accesses };
  } catch (error) {
    return { error: error as { errors?: AjvError[]; message: string }, accesses };
  }
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Formats a path segment list as `spec.template.spec.containers[name=ingester].image`. */
function formatPath(root: unknown, segments: string[]): string {
  let out = '';
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const item = current[Number(segment)];
      out += isPlainObject(item) && typeof item.name === 'string' ? `[name=${item.name}]` : `[${segment}]`;
      current = item;
    } else {
      out += out ? `.${segment}` : segment;
      current = isPlainObject(current) ? current[segment] : undefined;
    }
  }
  return out;
}

function describeAjvError(error: AjvError): string {
  switch (error.keyword) {
    case 'required': return `missing required field "${String(error.params.missingProperty)}"`;
    case 'type': return `expected ${String(error.params.type)}`;
    case 'enum': return `expected one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format': return `expected format "${String(error.params.format)}"`;
    default: return error.message ?? error.keyword;
  }
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAMES = new Set(['Namespace', 'Service']);

function metadataProblems(object: KubeObject): Problem[] {
  const problems: Problem[] = [];
  const name = object.metadata?.name;
  if (typeof name !== 'string' || name === '') return [{ path: 'metadata.name', message: 'every object needs a name' }];
  const label = LABEL_NAMES.has(object.kind);
  const ok = label ? name.length <= 63 && DNS_LABEL.test(name) : name.length <= 253 && DNS_SUBDOMAIN.test(name);
  if (!ok) problems.push({ path: 'metadata.name', message: `"${name}" is not a valid ${label ? 'DNS label (at most 63 lower-case letters, digits and "-")' : 'DNS subdomain name'}` });
  for (const [key, value] of Object.entries(object.metadata?.labels ?? {})) {
    if (typeof value === 'string' && (value.length > 63 || !LABEL_VALUE.test(value))) problems.push({ path: `metadata.labels.${key}`, message: `"${value}" is not a valid label value (at most 63 characters: letters, digits, "-", "_", ".")` });
  }
  return problems;
}

/**
 * Field names the generated validators never read although the schemas define them: kubernetes-models strips
 * every `description` key from schemas, including properties that are called `description`
 * (AppProject.spec.description, PrometheusRule annotations in some versions ...).
 */
const SCHEMA_GAPS = new Set(['description']);

function walkUnknown(value: unknown, segments: string[], accesses: Map<object, Access>, root: unknown, problems: Problem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walkUnknown(item, [...segments, String(index)], accesses, root, problems));
    return;
  }
  if (!isPlainObject(value)) return;
  const access = accesses.get(value);
  if (!access) return;
  for (const [key, child] of Object.entries(value)) {
    const path = [...segments, key];
    if (child === null) {
      problems.push({ path: formatPath(root, path), message: 'null is not a value Kubernetes keeps; remove the field instead' });
    } else if (!access.enumerated && !access.keys.has(key) && !SCHEMA_GAPS.has(key)) {
      problems.push({ path: formatPath(root, path), message: `unknown field "${key}": the API server would silently drop it` });
    } else {
      walkUnknown(child, path, accesses, root, problems);
    }
  }
}

const modelCache = new Map<string, Promise<ModelClass>>();

/** The schema key of an object: `apps/v1/Deployment`. */
export function schemaKey(object: KubeObject): string {
  return `${object.apiVersion}/${object.kind}`;
}

/** Whether the toolkit has a schema for objects of this apiVersion and kind. */
export function hasSchema(object: KubeObject): boolean {
  return schemaKey(object) in MODEL_LOADERS;
}

/**
 * Validates one object against its schema: types, required fields and enums (kubernetes-models), plus
 * what those validators let through: unknown fields, `null` values and invalid names.
 */
export async function validateObject(object: KubeObject): Promise<Problem[]> {
  const key = schemaKey(object);
  const loader = MODEL_LOADERS[key];
  const ref = objectRef(object);
  if (!loader) return [{ object: ref, message: `no schema is known for ${key}; add its kubernetes-models class to @platform/core's kinds.ts` }];
  let model = modelCache.get(key);
  if (!model) modelCache.set(key, (model = loader()));
  const Model = await model;
  const problems: Problem[] = metadataProblems(object);
  const { error, accesses } = trackedValidation(Model.prototype.validate as (this: unknown) => void, object);
  if (error) {
    for (const ajvError of error.errors ?? [{ instancePath: '', keyword: 'error', params: {}, message: error.message }]) {
      problems.push({ path: formatPath(object, ajvError.instancePath.split('/').filter(Boolean)) || '(object)', message: describeAjvError(ajvError) });
    }
  }
  walkUnknown(object, [], accesses, object, problems);
  return problems.map((problem) => ({ object: ref, ...problem }));
}
