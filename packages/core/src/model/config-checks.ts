import { cronProblem } from '../util/cron.js';
import { type DurationGrammar, durationExample, parseDuration } from '../util/durations.js';
import { isDnsLabel, isHostName } from '../util/names.js';
import { parseQuantity } from '../util/quantities.js';
import { describeValue, PlatformError, type Problem } from './errors.js';

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
    const range =
      min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
          ? ` of at least ${min}`
          : max !== undefined
            ? ` of at most ${max}`
            : '';
    return this.require(ok, path, `expected a whole number${range}, got ${describeValue(value)}`);
  }

  /** A Kubernetes resource quantity such as `500m`, `2`, `4Gi`; never negative (no resource or size is). */
  quantity(path: string, value: string | number | undefined): this {
    if (value === undefined) return this;
    const parsed = parseQuantity(value);
    if (parsed === undefined)
      return this.require(
        false,
        path,
        `expected a Kubernetes quantity such as "500m" or "4Gi", got ${describeValue(value)}`,
      );
    return this.require(parsed >= 0, path, `expected a quantity of at least 0, got ${describeValue(value)}`);
  }

  /** Requests and limits: quantities, and a memory limit no lower than the request. */
  resources(path: string, value: ResourceRequirements): this {
    this.quantity(`${path}.requests.cpu`, value.requests.cpu).quantity(
      `${path}.requests.memory`,
      value.requests.memory,
    );
    this.quantity(`${path}.limits.cpu`, value.limits.cpu).quantity(`${path}.limits.memory`, value.limits.memory);
    const request = parseQuantity(value.requests.memory);
    const limit = parseQuantity(value.limits.memory);
    return this.require(
      request === undefined || limit === undefined || limit >= request,
      `${path}.limits.memory`,
      `the memory limit ${value.limits.memory} is below the memory request ${value.requests.memory}`,
    );
  }

  /** A DNS-1123 label: the form of namespace and most object names. */
  dnsLabel(path: string, value: string): this {
    return this.require(
      typeof value === 'string' && isDnsLabel(value),
      path,
      `expected a DNS label (lower-case letters, digits and '-', at most 63 characters), got ${describeValue(value)}`,
    );
  }

  /** A host name without scheme, port or path, lower-case: `grafana.prod.example.com`. */
  hostName(path: string, value: string): this {
    return this.require(
      typeof value === 'string' && isHostName(value),
      path,
      `expected a lower-case host name such as "prod.example.com" (no scheme, port or path), got ${describeValue(value)}`,
    );
  }

  /** A duration in the grammar the consuming upstream parses (see {@link DurationGrammar}). */
  duration(path: string, value: string, grammar: DurationGrammar = 'prometheus'): this {
    return this.require(
      typeof value === 'string' && parseDuration(value, grammar) !== undefined,
      path,
      `expected a duration such as ${durationExample(grammar)}, got ${describeValue(value)}`,
    );
  }

  /** A standard cron schedule (robfig/cron v3 `ParseStandard`: five fields, names, `@daily`, `@every 1h`). */
  cron(path: string, value: string): this {
    const problem = typeof value === 'string' ? cronProblem(value) : 'expected a cron schedule';
    return this.require(problem === undefined, path, `${problem}, got ${describeValue(value)}`);
  }

  url(path: string, value: string, { schemes = ['http', 'https'] }: { schemes?: string[] } = {}): this {
    let ok = false;
    try {
      const url = new URL(value);
      ok = schemes.includes(url.protocol.replace(/:$/, '')) && url.hostname !== '';
    } catch {
      ok = false;
    }
    return this.require(ok, path, `expected a URL (${schemes.join(' or ')}), got ${describeValue(value)}`);
  }

  oneOf<T>(path: string, value: T, allowed: readonly T[]): this {
    return this.require(
      allowed.includes(value),
      path,
      `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describeValue(value)}`,
    );
  }

  /** Throws every recorded problem at once. */
  done(): void {
    if (this.problems.length > 0) throw new PlatformError(this.problems);
  }
}
