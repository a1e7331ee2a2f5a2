import { describe, expect, it } from 'vitest';
import { ConfigChecks, mergeConfig, PlatformError } from '../index.js';

const defaults = {
  replicas: 3,
  image: 'x:1',
  resources: { cpu: '1', memory: '1Gi' },
  extraArgs: {} as Record<string, string>,
  optional: undefined as string | undefined,
};

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlatformError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('mergeConfig', () => {
  it('merges layers over the defaults', () => {
    const merged = mergeConfig(
      defaults,
      { replicas: 5 },
      { resources: { memory: '2Gi' }, extraArgs: { '-a': 'b' }, optional: 'set' },
    );
    expect(merged).toEqual({
      replicas: 5,
      image: 'x:1',
      resources: { cpu: '1', memory: '2Gi' },
      extraArgs: { '-a': 'b' },
      optional: 'set',
    });
  });

  it('reports unknown fields with a suggestion and the known fields', () => {
    expect(problems(() => mergeConfig(defaults, { replicsa: 2 } as never))).toEqual([
      'replicsa: unknown field (did you mean "replicas"?); known fields: extraArgs, image, optional, replicas, resources',
    ]);
  });

  it('reports wrong types with what was expected and what was given, at every depth, all at once', () => {
    expect(problems(() => mergeConfig(defaults, { replicas: 'three', resources: { cpu: 2 } } as never))).toEqual([
      'replicas: expected a number, got "three"',
      'resources.cpu: expected a string, got 2',
    ]);
  });
});

describe('ConfigChecks', () => {
  it('collects every problem and throws them together', () => {
    const checks = new ConfigChecks()
      .integer('replicas', 0, { min: 1 })
      .quantity('memory', '2GB')
      .dnsLabel('name', 'Bad_Name')
      .duration('retention', '2 days');
    expect(problems(() => checks.done())).toEqual([
      'replicas: expected a whole number of at least 1, got 0',
      'memory: expected a Kubernetes quantity such as "500m" or "4Gi", got "2GB"',
      'name: expected a DNS label (lower-case letters, digits and \'-\', at most 63 characters), got "Bad_Name"',
      'retention: expected a duration such as "30s", "15m", "2h" or "30d", got "2 days"',
    ]);
  });
});
