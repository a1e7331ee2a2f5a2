import { describe, expect, it } from 'vitest';
import { crdModule, deriveCrd, stripDescriptions } from './derive.js';

describe('the CRD objects module', () => {
  it('drops descriptions but keeps properties named description, defaults and validations', () => {
    expect(
      stripDescriptions({
        type: 'object',
        description: 'prose',
        properties: {
          description: { type: 'string', description: 'a field called description' },
          kind: { type: 'string', default: 'Service', 'x-kubernetes-validations': [{ rule: 'self != ""' }] },
        },
        items: { description: 'x', type: 'string' },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        description: { type: 'string' },
        kind: { type: 'string', default: 'Service', 'x-kubernetes-validations': [{ rule: 'self != ""' }] },
      },
      items: { type: 'string' },
    });
  });

  it('keeps the annotations implementations read, and is deterministic', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {
        name: 'b.example.io',
        annotations: { 'gateway.networking.k8s.io/bundle-version': 'v1.6.1' },
        creationTimestamp: null,
      } as never,
      spec: {
        group: 'example.io',
        versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', description: 'd' } } }],
      },
    };
    expect(deriveCrd(crd).metadata).toEqual({
      name: 'b.example.io',
      annotations: { 'gateway.networking.k8s.io/bundle-version': 'v1.6.1' },
    });
    const other = { ...crd, metadata: { name: 'a.example.io' } };
    expect(crdModule([crd, other], 'x')).toBe(crdModule([other, crd], 'x'));
  });
});
