import { contour, contourRoutes } from '@platform/contour';
import type { AnyComponent } from '@platform/core';
import { ingressEdge } from '@platform/edge';
import { checkFindings, fakeIssuer, INTERNAL_RANGES, renderEdgeTest, SHOP_ROUTES, shop } from '@platform/edge/testing';
import { gateway, gatewayApiCrds, gatewayRoutes } from '@platform/gateway-api';
import { traefik, traefikGatewayFilters, traefikRoutes } from '@platform/traefik';
import { describe, expect, it } from 'vitest';
import { externalDns } from './index.js';

const route53 = { type: 'route53' as const, region: 'eu-west-1', auth: { type: 'pod-identity' as const } };

/** The four edge kinds, each with what it needs to serve the shop's routes (auth, body limit, internal audience). */
const edges: Array<{ kind: string; routes: string; objectKind: string; components: () => AnyComponent[] }> = [
  {
    kind: 'Kubernetes Ingress',
    routes: 'ingress-edge',
    objectKind: 'Ingress',
    components: () => [ingressEdge({ dialect: 'ingress-nginx', internalSourceRanges: INTERNAL_RANGES })],
  },
  {
    kind: 'Traefik IngressRoute',
    routes: 'traefik-routes',
    objectKind: 'IngressRoute',
    components: () => [traefik({ internalSourceRanges: INTERNAL_RANGES }), traefikRoutes()],
  },
  {
    kind: 'Contour HTTPProxy',
    routes: 'contour-routes',
    objectKind: 'HTTPProxy',
    components: () => [
      fakeIssuer({ kind: 'ca' }).named('platform-ca'),
      contour({
        internalSourceRanges: INTERNAL_RANGES,
        authorization: { namespace: 'auth', name: 'htpasswd', port: 9443 },
      }),
      contourRoutes(),
    ],
  },
  {
    kind: 'Gateway API HTTPRoute',
    routes: 'gateway-routes',
    objectKind: 'HTTPRoute',
    components: () => [
      gatewayApiCrds(),
      traefik({ routes: 'gateway-api', internalSourceRanges: INTERNAL_RANGES }),
      gateway({ internalSourceRanges: INTERNAL_RANGES }),
      gatewayRoutes({ filters: traefikGatewayFilters }),
    ],
  },
];

describe('the same routes on every edge kind', () => {
  for (const edge of edges) {
    it(`render as ${edge.kind}, valid against its schema, each host with a DNS record source and a covering certificate`, async () => {
      // The render validates every object against its kind's schema (the pinned CRDs' for the edge kinds).
      const { rendered, objects } = await renderEdgeTest([
        fakeIssuer(),
        shop(),
        ...edge.components(),
        externalDns({ provider: route53 }),
      ]);
      const routed = Object.values(objects(edge.routes)).filter((o) => o.kind === edge.objectKind);
      expect(routed.map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`).sort()).toEqual(
        SHOP_ROUTES.map((r) => `shop/shop-${r.name}`).sort(),
      );
      // edge.route-dns, edge.route-certificate, edge.basic-auth-credentials and every built-in rule.
      expect(checkFindings(rendered, [edge.routes, 'shop', 'external-dns'])).toEqual([]);
      expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    });
  }
});
