import { describe, expect, it } from 'vitest';
import { appendValueKey, formatValuePath, parseValuePath, unknownValuePaths } from './chart-value-paths.js';

describe('value path syntax', () => {
  it('quotes keys that are not plain, so a dotted key stays one key', () => {
    expect(formatValuePath(['configs', 'params', 'server.insecure'])).toBe('configs.params["server.insecure"]');
    expect(formatValuePath(['crds', 'annotations', '*'])).toBe('crds.annotations.*');
    expect(formatValuePath(['server', 'extraArgs', '[]'])).toBe('server.extraArgs[]');
    expect(formatValuePath(['redis-ha', 'enabled'])).toBe('redis-ha.enabled');
    expect(appendValueKey('a', 'b c')).toBe('a["b c"]');
  });

  it('parses what it formats', () => {
    expect(parseValuePath('configs.params["server.insecure"]')).toEqual([
      { key: 'configs' },
      { key: 'params' },
      { key: 'server.insecure' },
    ]);
    expect(parseValuePath('a.*.b[]')).toEqual([{ key: 'a' }, { any: true }, { key: 'b' }, { items: true }]);
    expect(parseValuePath('a["*"]')).toEqual([{ key: 'a' }, { key: '*' }]);
  });

  it('rejects malformed paths', () => {
    expect(() => parseValuePath('a..b')).toThrow(/malformed/);
    expect(() => parseValuePath('a["b]')).toThrow(/malformed/);
    expect(() => parseValuePath('a.b.')).toThrow(/malformed/);
  });
});

describe('unknownValuePaths', () => {
  const known = [
    'image.repository',
    'image.tag',
    'server.replicas',
    'server.podAnnotations.*',
    'server.extraArgs[]',
    'configs.params["server.insecure"]',
    'ingress.*.host',
    'jobs[].name',
  ];

  it('accepts every known leaf and reports misspelt keys with their full path', () => {
    expect(unknownValuePaths({ image: { repository: 'r', tag: 't' }, server: { replicas: 2 } }, known)).toEqual([]);
    expect(unknownValuePaths({ image: { repsitory: 'r' }, server: { replica: 2 }, sevrer: {} }, known)).toEqual([
      'image.repsitory',
      'server.replica',
      'sevrer',
    ]);
  });

  it('accepts anything below an open map, at any depth', () => {
    expect(unknownValuePaths({ server: { podAnnotations: { 'a/b': 'x', nested: { deep: 1 } } } }, known)).toEqual([]);
  });

  it('accepts anything in a list', () => {
    expect(unknownValuePaths({ server: { extraArgs: ['--x', { any: 'thing' }] } }, known)).toEqual([]);
  });

  it('checks list elements when the list knows their keys', () => {
    expect(unknownValuePaths({ jobs: [{ name: 'a' }, { nmae: 'b' }] }, known)).toEqual(['jobs[1].nmae']);
  });

  it('lets a wildcard segment stand for exactly one key', () => {
    expect(unknownValuePaths({ ingress: { main: { host: 'h' }, other: { host: 'h', port: 1 } } }, known)).toEqual([
      'ingress.other.port',
    ]);
  });

  it('matches a dotted key as one key, and reports one quoted', () => {
    expect(unknownValuePaths({ configs: { params: { 'server.insecure': true } } }, known)).toEqual([]);
    expect(
      unknownValuePaths({ configs: { params: { server: { insecure: true }, 'server.insecur': true } } }, known),
    ).toEqual(['configs.params.server', 'configs.params["server.insecur"]']);
  });

  it('reports keys below a known leaf', () => {
    expect(unknownValuePaths({ image: { tag: { major: 1 } } }, known)).toEqual(['image.tag.major']);
  });

  it('does not judge types: a null, a list or an empty map where a map is known are fine', () => {
    expect(unknownValuePaths({ image: null, server: { podAnnotations: [] }, configs: {} }, known)).toEqual([]);
  });

  it('knows nothing with an empty list', () => {
    expect(unknownValuePaths({ a: 1, b: { c: 2 } }, [])).toEqual(['a', 'b']);
    expect(unknownValuePaths(undefined, [])).toEqual([]);
  });
});
