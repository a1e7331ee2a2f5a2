import { PlatformError, describeValue, type Problem } from './errors.js';
import { clone, isPlainObject, type DeepPartial } from './patch.js';
import { didYouMean } from './suggest.js';

/**
 * Merges a user's partial configuration into a component's defaults, checking it against the shape of the
 * defaults: a key the defaults do not have is a misspelling, and a value of another type than the default is
 * a mistake. Both are reported with the field path, what was expected and what was given.
 *
 * Conventions for defaults: an empty object `{}` is an open map (any keys, e.g. extra flags or labels);
 * a key present with the value `undefined` is optional and unchecked; lists replace.
 */
export function mergeConfig<C extends object>(defaults: C, ...layers: Array<DeepPartial<C> | undefined>): C {
  const problems: Problem[] = [];
  let result = clone(defaults) as Record<string, unknown>;
  for (const layer of layers) {
    if (layer !== undefined) result = mergeLayer(defaults as Record<string, unknown>, result, layer as Record<string, unknown>, '', problems) as Record<string, unknown>;
  }
  if (problems.length > 0) throw new PlatformError(problems);
  return result as C;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'object' : typeof value;
}

function mergeLayer(shape: unknown, base: unknown, layer: unknown, path: string, problems: Problem[]): unknown {
  if (!isPlainObject(layer)) {
    problems.push({ path: path || '(config)', message: `expected an object, got ${describeValue(layer)}` });
    return base;
  }
  const shapeObject = isPlainObject(shape) ? shape : {};
  const openMap = Object.keys(shapeObject).length === 0;
  const result: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(layer)) {
    if (value === undefined) continue;
    const fieldPath = path ? `${path}.${key}` : key;
    if (!openMap && !(key in shapeObject)) {
      problems.push({ path: fieldPath, message: `unknown field${didYouMean(key, Object.keys(shapeObject))}; known fields: ${Object.keys(shapeObject).sort().join(', ')}` });
      continue;
    }
    const expected = openMap ? undefined : shapeObject[key];
    if (expected === undefined || expected === null) {
      result[key] = clone(value);
      continue;
    }
    const expectedKind = kindOf(expected);
    const givenKind = kindOf(value);
    if (expectedKind !== givenKind) {
      problems.push({ path: fieldPath, message: `expected ${article(expectedKind)}, got ${describeValue(value)}` });
      continue;
    }
    result[key] = expectedKind === 'object' ? mergeLayer(expected, result[key], value, fieldPath, problems) : clone(value);
  }
  return result;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

const SUFFIXES: Record<string, number> = { '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** The value of a Kubernetes quantity (`1Gi` → 1073741824, `500m` → 0.5), or undefined if it is not one. */
export function parseQuantity(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(value);
  return match ? Number(match[1]) * SUFFIXES[match[2] ?? '']! : undefined;
}

const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w|y))+$/;

/** Requests and limits of one container. A CPU limit is optional: throttling a controller helps nobody. */
export interface ResourceRequirements {
  requests: { cpu: string; memory: string };
  limits: { cpu?: string; memory: string };
}

/**
 * Collects semantic problems in a merged configuration (ranges, formats, combinations), each with its field
 * path, and throws them together so a user sees every mistake in one run.
 */
export class ConfigChecks {
  readonly problems: Problem[] = [];

  /** Records a problem at `path` unless `ok`. */
  require(ok: boolean, path: string, message: string): this {
    if (!ok) this.problems.push({ path, message });
    return this;
  }

  integer(path: string, value: number, { min, max }: { min?: number; max?: number } = {}): this {
    const ok = Number.isInteger(value) && (min === undefined || value >= min) && (max === undefined || value <= max);
    const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : '';
    return this.require(ok, path, `expected a whole number${range}, got ${describeValue(value)}`);
  }

  /** A Kubernetes resource quantity such as `500m`, `2`, `4Gi`. */
  quantity(path: string, value: string | number | undefined): this {
    if (value === undefined) return this;
    return this.require(QUANTITY.test(String(value)), path, `expected a Kubernetes quantity such as "500m" or "4Gi", got ${describeValue(value)}`);
  }

  /** Requests and limits: quantities, and a memory limit no lower than the request. */
  resources(path: string, value: ResourceRequirements): this {
    this.quantity(`${path}.requests.cpu`, value.requests.cpu).quantity(`${path}.requests.memory`, value.requests.memory);
    this.quantity(`${path}.limits.cpu`, value.limits.cpu).quantity(`${path}.limits.memory`, value.limits.memory);
    const request = parseQuantity(value.requests.memory);
    const limit = parseQuantity(value.limits.memory);
    return this.require(request === undefined || limit === undefined || limit >= request, `${path}.limits.memory`, `the memory limit ${value.limits.memory} is below the memory request ${value.requests.memory}`);
  }

  /** A DNS-1123 label: the form of namespace and most object names. */
  dnsLabel(path: string, value: string): this {
    return this.require(value.length <= 63 && DNS_LABEL.test(value), path, `expected a DNS label (lower-case letters, digits and '-', at most 63 characters), got ${describeValue(value)}`);
  }

  /** A Go/Prometheus duration such as `30s`, `2h`, `15m`. */
  duration(path: string, value: string): this {
    return this.require(DURATION.test(value), path, `expected a duration such as "30s", "15m" or "2h", got ${describeValue(value)}`);
  }

  url(path: string, value: string, { schemes = ['http', 'https'] }: { schemes?: string[] } = {}): this {
    let ok = false;
    try {
      ok = schemes.includes(new URL(value).protocol.replace(/:$/, ''));
    } catch {
      ok = false;
    }
    return this.require(ok, path, `expected a URL (${schemes.join(' or ')}), got ${describeValue(value)}`);
  }

  oneOf<T>(path: string, value: T, allowed: readonly T[]): this {
    return this.require(allowed.includes(value), path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describeValue(value)}`);
  }

  /** Throws every recorded problem at once. */
  done(): void {
    if (this.problems.length > 0) throw new PlatformError(this.problems);
  }
}
