/**
 * The headline promise, checked by the compiler (`pnpm typecheck` runs over this file): a misspelt object name,
 * field or enum value in an environment is a compile error, not a surprise at render time.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { web } from '../fixtures.test-helpers.js';
import {
  type Component,
  type DeepPartial,
  defineComponent,
  type IDeployment,
  type ObjectsPatch,
  replace,
} from '../index.js';

interface ShopConfig {
  /** A union: only these values compile. */
  mode: 'single' | 'replicated';
  replicas: number;
  cache: { memoryMb: number };
}

const shop = defineComponent({
  name: 'shop',
  tier: 'workloads',
  defaults: { mode: 'single', replicas: 1, cache: { memoryMb: 64 } } as ShopConfig,
  build: () => ({}) as { shop_deployment: IDeployment },
});

describe('types of the composition model', () => {
  it('checks configuration fields and enum values', () => {
    shop({ mode: 'replicated', cache: { memoryMb: 128 } });
    // @ts-expect-error: misspelt field
    shop({ replcas: 2 });
    // @ts-expect-error: a value outside the union
    shop({ mode: 'clustered' });
    // @ts-expect-error: the wrong type deep inside
    shop({ cache: { memoryMb: '128Mi' } });
    expectTypeOf(shop).parameter(0).toEqualTypeOf<DeepPartial<ShopConfig> | undefined>();
  });

  it('checks the names of the objects an override patches, and their fields', () => {
    shop().override({ shop_deployment: { spec: { replicas: 3 } } });
    // @ts-expect-error: no object of that name
    shop().override({ shop_deployments: { spec: { replicas: 3 } } });
    // @ts-expect-error: no such field of a Deployment
    shop().override({ shop_deployment: { spec: { replica: 3 } } });
    // @ts-expect-error: the wrong type of a field
    shop().override({ shop_deployment: { spec: { replicas: '3' } } });
    // null removes an object; the namespace objects core adds can be overridden too.
    shop().override({ shop_deployment: null, networkpolicy_default_deny: { metadata: { labels: { a: 'b' } } } });
    // Named lists take items by name; replace() swaps a list whole.
    web().override({
      web_deployment: {
        spec: { template: { spec: { containers: [{ name: 'web', image: 'x:1' }], volumes: replace([]) } } },
      },
    });
  });

  it('keeps its types through every refinement', () => {
    const refined = shop().configure({ replicas: 2 }).named('shop2').after('db').inTier('platform');
    expectTypeOf(refined).toEqualTypeOf<Component<ShopConfig, { shop_deployment: IDeployment }>>();
    const extended = shop().addObjects({ extra_deployment: {} as IDeployment });
    expectTypeOf<ObjectsPatch<{ shop_deployment: IDeployment; extra_deployment: IDeployment }>>().toMatchTypeOf<
      Parameters<typeof extended.override>[0]
    >();
  });
});
