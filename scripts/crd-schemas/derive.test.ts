import { compileStructuralSchema, type StructuralSchema } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { deriveKind } from './derive.js';

const crd = {
  kind: 'CustomResourceDefinition',
  spec: {
    group: 'shop.example.com',
    scope: 'Namespaced' as const,
    names: { kind: 'ShopOrder', plural: 'shoporders' },
    versions: [
      { name: 'v1alpha1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            description: 'An order.',
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['items'],
                properties: {
                  items: { type: 'array', items: { type: 'string' } },
                  priority: { type: 'string', enum: ['low', 'high'], description: 'How urgent.' },
                  description: { type: 'string' },
                  size: { 'x-kubernetes-int-or-string': true },
                },
              },
            },
          },
        },
      },
    ],
  },
};

describe('scripts/crd-schemas/derive', () => {
  const files = deriveKind(crd as never, 'example/shoporders.yaml');
  const schema = JSON.parse(files.get('shop-order.schema.json')!) as StructuralSchema;

  it("keeps the storage version's schema without descriptions, but keeps a property named description", () => {
    expect(JSON.stringify(schema)).not.toContain('How urgent');
    expect(Object.keys(schema.properties!.spec!.properties!)).toEqual(['description', 'items', 'priority', 'size']);
  });

  it('writes a typed interface and a KindDefinition that loads the schema on demand', () => {
    const source = files.get('shop-order.generated.ts')!;
    expect(source).toContain("export interface IShopOrder {\n  apiVersion: 'shop.example.com/v1';");
    expect(source).toContain('    priority?: "low" | "high";');
    expect(source).toContain('    size?: number | string;');
    expect(source).toContain(
      "export const SHOP_ORDER_KIND: KindDefinition = {\n  apiVersion: 'shop.example.com/v1',\n  kind: 'ShopOrder',\n  scope: 'Namespaced',",
    );
    expect(source).toContain("import('./shop-order.schema.json', { with: { type: 'json' } })");
  });

  it('gives a schema core validates with: required fields, enums and unknown fields', () => {
    const validate = compileStructuralSchema(schema);
    const problems = validate({
      apiVersion: 'shop.example.com/v1',
      kind: 'ShopOrder',
      metadata: { name: 'a' },
      spec: { priority: 'urgent', colour: 'red' },
    });
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'spec: missing required field "items"',
      'spec.priority: expected one of "low", "high"',
      'spec.colour: unknown field "colour": the API server would silently drop it',
    ]);
  });
});
