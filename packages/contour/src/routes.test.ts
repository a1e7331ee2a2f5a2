import { renderError } from '@platform/core/testing';
import {
  EDGE_TEST_CLUSTER_APIS,
  fakeDns,
  fakeIssuer,
  INTERNAL_RANGES,
  renderEdgeTest,
  shop,
} from '@platform/edge/testing';
import { describe, expect, it } from 'vitest';
import { contour, contourRoutes } from './index.js';
import type { IHTTPProxy, ITLSCertificateDelegation } from './kinds.js';

const platformCa = () => fakeIssuer({ kind: 'ca' }).named('platform-ca');
const authorization = { namespace: 'auth', name: 'htpasswd', port: 9443 };

describe('contour routes', () => {
  it('render each route as a root HTTPProxy with the delegated wildcard of its domain', async () => {
    const { objects } = await renderEdgeTest([
      fakeIssuer(),
      platformCa(),
      fakeDns(),
      shop({ routes: 'public' }),
      contour(),
      contourRoutes(),
    ]);
    expect((objects('contour-routes').shop_ui_httpproxy as IHTTPProxy).spec).toEqual({
      ingressClassName: 'contour',
      virtualhost: { fqdn: 'shop.test.example.com', tls: { secretName: 'contour/wildcard-test-example-com-tls' } },
      routes: [{ conditions: [{ prefix: '/' }], services: [{ name: 'shop', port: 8080 }] }],
    });
    expect((objects('contour').wildcards_tlscertificatedelegation as ITLSCertificateDelegation).spec).toEqual({
      delegations: [{ secretName: 'wildcard-test-example-com-tls', targetNamespaces: ['shop'] }],
    });
  });

  it('authenticate routes through the ExtensionService, and admit internal routes by peer address', async () => {
    const { objects } = await renderEdgeTest([
      fakeIssuer(),
      platformCa(),
      fakeDns(),
      shop(),
      contour({ authorization, internalSourceRanges: INTERNAL_RANGES }),
      contourRoutes(),
    ]);
    const push = objects('contour-routes').shop_push_httpproxy as IHTTPProxy;
    expect(push.spec.virtualhost?.authorization).toEqual({
      extensionRef: { namespace: 'auth', name: 'htpasswd' },
      authPolicy: {
        context: { 'auth-type': 'basic', 'auth-secret': 'shop/shop-push-users', 'auth-realm': 'Shop push' },
      },
    });
    expect(push.spec.routes).toEqual([
      { conditions: [{ exact: '/api/v1/push' }], services: [{ name: 'shop', port: 8080 }] },
    ]);
    const admin = objects('contour-routes').shop_admin_httpproxy as IHTTPProxy;
    expect(admin.spec.virtualhost?.ipAllowPolicy).toEqual([{ cidr: '10.0.0.0/8', source: 'Peer' }]);
    expect(objects('contour').networkpolicy_allow_to_authorization).toBeDefined();
  });

  it('refuse routes with auth when Contour has nothing to authenticate them with', async () => {
    const message = await renderError(
      [fakeIssuer(), platformCa(), shop(), contour({ internalSourceRanges: INTERNAL_RANGES }), contourRoutes()],
      { clusterApis: EDGE_TEST_CLUSTER_APIS },
    );
    expect(message.split('\n')).toEqual([
      'test › shop › routes[admin].auth: Contour has no forward auth of its own; give contour({ authorization }) an ExtensionService that authenticates, or serve the route through another edge',
      'test › shop › routes[push].auth: Contour has no basic auth of its own; give contour({ authorization }) an ExtensionService that authenticates, or serve the route through another edge',
    ]);
  });
});
