import type { Problem } from '../model/errors.js';
import { isPlainObject } from '../model/patch.js';
import type { ModelClass } from '../registry/kinds.js';
import { type Access, type FieldNode, learnFields, trustsFields } from './learned-fields.js';
import { formatPath } from './paths.js';

/**
 * Runs a kubernetes-models validator over a proxy that records which fields the validator reads. The
 * validators are generated from the OpenAPI schemas and read every property the schema knows; a field the
 * validator never read is one the API server would silently prune, i.e. a misspelling. Objects the validator
 * never looked into are free-form (`x-kubernetes-preserve-unknown-fields`, Helm values) and are not checked.
 */
function trackedValidation(
  validate: (this: unknown) => void,
  data: object,
): { error?: { errors?: AjvError[]; message: string }; accesses: Map<object, Access> } {
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

function describeAjvError(error: AjvError): string {
  switch (error.keyword) {
    case 'required':
      return `missing required field "${String(error.params.missingProperty)}"`;
    case 'type':
      return `expected ${String(error.params.type)}`;
    case 'enum':
      return `expected one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `expected format "${String(error.params.format)}"`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * Field names the generated validators never read although the schemas define them: kubernetes-models strips
 * every `description` key from schemas, including properties that are called `description`
 * (AppProject.spec.description, PrometheusRule annotations in some versions ...).
 */
const SCHEMA_GAPS = new Set(['description']);

/**
 * The `x-kubernetes-*` extensions of CRD schemas (JSONSchemaProps), which the generated validators do not read
 * either; no other Kubernetes field has such a name.
 */
const EXTENSION = /^x-kubernetes-/;

function walkUnknown(
  value: unknown,
  segments: string[],
  accesses: Map<object, Access>,
  root: unknown,
  problems: Problem[],
): void {
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
      problems.push({
        path: formatPath(root, path),
        message: 'null is not a value Kubernetes keeps; remove the field instead',
      });
    } else if (!access.enumerated && !access.keys.has(key) && !SCHEMA_GAPS.has(key) && !EXTENSION.test(key)) {
      problems.push({
        path: formatPath(root, path),
        message: `unknown field "${key}": the API server would silently drop it`,
      });
    } else {
      walkUnknown(child, path, accesses, root, problems);
    }
  }
}

/** Fields no generated validator reads that are known anyway (see SCHEMA_GAPS and EXTENSION). */
const knownAnyway = (key: string) => SCHEMA_GAPS.has(key) || EXTENSION.test(key);

/**
 * Validates an object with its kubernetes-models class: types, required fields and enums, plus what those
 * validators let through: unknown fields and `null` values. With `learned` (one tree per kind, kept by the
 * caller), an object whose validation passes and whose fields all lie where earlier problem-free traces have
 * been is not traced again (learned-fields.ts says why that gives the same answer); any other object is, and
 * teaches the tree when it has no problem.
 */
export function modelProblems(Model: ModelClass, object: object, learned?: FieldNode): Problem[] {
  const validate = Model.prototype.validate as (this: unknown) => void;
  if (learned) {
    let valid = true;
    try {
      validate.call(object);
    } catch {
      valid = false;
    }
    if (valid && trustsFields(learned, object, knownAnyway)) return [];
  }
  const problems: Problem[] = [];
  const { error, accesses } = trackedValidation(validate, object);
  if (error) {
    for (const ajvError of error.errors ?? [
      { instancePath: '', keyword: 'error', params: {}, message: error.message },
    ]) {
      problems.push({
        path: formatPath(object, ajvError.instancePath.split('/').filter(Boolean)) || '(object)',
        message: describeAjvError(ajvError),
      });
    }
  }
  walkUnknown(object, [], accesses, object, problems);
  if (learned && problems.length === 0) learnFields(learned, object, accesses);
  return problems;
}
