import { describe, expect, it } from 'vitest';
import { ingressEdge } from '../ingress-edge.js';
import { checkFindings, fakeDns, fakeIssuer, INTERNAL_RANGES, renderEdgeTest, shop } from '../testing/index.js';

const edge = () => ingressEdge({ dialect: 'ingress-nginx', internalSourceRanges: INTERNAL_RANGES });
const edgeFindings = (found: string[]) => found.filter((f) => f.startsWith('edge.'));

describe('edge.route-dns', () => {
  it('fails a route whose DNS provider does not watch the kind that serves it', async () => {
    const { rendered } = await renderEdgeTest([
      fakeIssuer(),
      fakeDns({ sources: ['service'] }),
      shop({ routes: 'public' }),
      edge(),
    ]);
    expect(edgeFindings(checkFindings(rendered, []))).toEqual([
      'edge.route-dns shop: route "ui": shop.test.example.com has no DNS record source: its DNS provider watches service, but the route is served by Ingress/shop-ui (source ingress)',
    ]);
  });

  it('fails a host outside every managed domain, and accepts hosts whose records are kept by hand', async () => {
    const { rendered } = await renderEdgeTest([
      fakeIssuer(),
      fakeDns({ domains: ['other.example.com'] }),
      shop({ routes: 'public' }),
      edge(),
    ]);
    expect(edgeFindings(checkFindings(rendered, []))).toEqual([
      'edge.route-dns shop: route "ui": shop.test.example.com has no DNS record source: no DNS provider manages a domain containing it (domains: other.example.com)',
    ]);
    expect(edgeFindings(checkFindings(rendered, [], { manualDnsDomains: ['test.example.com'] }))).toEqual([]);
  });
});

describe('edge.route-certificate', () => {
  it('fails a served host whose TLS Secret no Certificate covers', async () => {
    const { rendered } = await renderEdgeTest([
      fakeIssuer(),
      fakeDns(),
      shop({ routes: 'public' }),
      edge().override({
        // The edge's objects are typed as KubeObjects; the patch reaches the Certificate's spec.
        wildcard_test_example_com_shop_certificate: { spec: { dnsNames: ['*.other.example.com'] } } as object,
      }),
    ]);
    expect(edgeFindings(checkFindings(rendered, []))).toEqual([
      'edge.route-certificate shop: route "ui": no Certificate covers shop.test.example.com in a Secret its Ingress can present',
    ]);
  });
});

describe('edge.public-certificates', () => {
  it('warns above the limit, naming the certificates and the names requested twice', async () => {
    const two = shop({ routes: 'public', host: 'shop-two' }).named('shop-two');
    const { rendered } = await renderEdgeTest([fakeIssuer(), fakeDns(), shop({ routes: 'public' }), two, edge()]);
    expect(edgeFindings(checkFindings(rendered, [], { maxPublicCertificates: 1 }))).toEqual([
      "edge.public-certificates _environment: the environment requests 2 public certificates (more than 1): shop-two/wildcard-test-example-com, shop/wildcard-test-example-com; the same names are requested more than once for *.test.example.com (2×). Routes share their domain's wildcard unless they opt out; prefer an edge that serves one wildcard from its own namespace (Traefik, Contour, Gateway API)",
    ]);
    const { rendered: internal } = await renderEdgeTest([
      fakeIssuer({ kind: 'ca' }),
      fakeDns(),
      shop({ routes: 'public' }),
      two,
      edge(),
    ]);
    expect(edgeFindings(checkFindings(internal, [], { maxPublicCertificates: 1 }))).toEqual([]);
  });
});

describe('edge.basic-auth-credentials', () => {
  it('fails an htpasswd line anywhere in the rendered output', async () => {
    const leaky = shop().addObjects({
      users_configmap: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'users' },
        data: { users: 'prod-eu1:$apr1$Q1bYl3x0$Fh3W8E1fo1V/2sX3w7Z1a/' },
      },
    });
    const { rendered } = await renderEdgeTest([fakeIssuer(), fakeDns(), leaky, edge()]);
    expect(edgeFindings(checkFindings(rendered, []))).toEqual([
      'edge.basic-auth-credentials shop: ConfigMap "users" contains an htpasswd line (user and password hash); deliver basic auth users in a Secret from an ExternalSecret',
    ]);
  });

  it('fails a basic-auth route whose Secret nothing delivers', async () => {
    const { rendered } = await renderEdgeTest([
      fakeIssuer(),
      fakeDns(),
      shop().override({ push_users_externalsecret: null }),
      edge(),
    ]);
    expect(edgeFindings(checkFindings(rendered, []))).toEqual([
      'edge.basic-auth-credentials shop: route "push" authenticates with the users in Secret shop/shop-push-users, which no ExternalSecret delivers (and environment.external does not list "Secret/shop/shop-push-users")',
    ]);
  });
});

describe('edge.route-served', () => {
  it('warns about routes no edge serves', async () => {
    const { rendered } = await renderEdgeTest([shop({ routes: 'public' })]);
    expect(edgeFindings(checkFindings(rendered, []))).toEqual([
      'edge.route-served shop: route "ui" (shop.test.example.com) is declared but no edge serves it; add an edge (@platform/traefik, @platform/contour, @platform/gateway-api or ingressEdge of @platform/edge) with its routes component',
    ]);
  });
});
