import type { ICertificate } from '@platform/cert-manager';
import type { IDeployment, IService } from '@platform/core';
import { connectionProblems, container, renderError } from '@platform/core/testing';
import {
  checkFindings,
  EDGE_TEST_CLUSTER_APIS,
  fakeDns,
  fakeIssuer,
  INTERNAL_RANGES,
  renderEdgeTest,
  shop,
} from '@platform/edge/testing';
import { describe, expect, it } from 'vitest';
import { contour, contourRoutes } from './index.js';

const platformCa = () => fakeIssuer({ kind: 'ca' }).named('platform-ca');
const authorization = { namespace: 'auth', name: 'htpasswd', port: 9443 };
const environment = () => [
  fakeIssuer(),
  platformCa(),
  fakeDns({ sources: ['contour-httpproxy'] }),
  shop(),
  contour({ internalSourceRanges: INTERNAL_RANGES, authorization }),
  contourRoutes(),
];

describe('contour', () => {
  it('runs the control plane with the upstream arguments, its ingress class and Envoy Service', async () => {
    const { objects } = await renderEdgeTest(environment());
    const deployment = objects('contour').contour_deployment as IDeployment;
    expect(container(deployment, 'contour').args).toEqual([
      'serve',
      '--incluster',
      '--xds-address=0.0.0.0',
      '--xds-port=8001',
      '--contour-cafile=/certs/ca.crt',
      '--contour-cert-file=/certs/tls.crt',
      '--contour-key-file=/certs/tls.key',
      '--config-path=/config/contour.yaml',
      '--ingress-class-name=contour',
      '--envoy-service-name=envoy',
      '--envoy-service-namespace=contour',
    ]);
    expect(deployment.spec?.replicas).toBe(2);
    expect(objects('contour').contour_pdb).toBeDefined();
  });

  it('secures xDS with certificates from the platform CA, named as the containers expect', async () => {
    const { objects } = await renderEdgeTest(environment());
    const server = objects('contour').contour_xds_certificate as ICertificate;
    expect(server.spec).toMatchObject({
      secretName: 'contourcert',
      dnsNames: ['contour', 'contour.contour', 'contour.contour.svc', 'contour.contour.svc.cluster.local'],
      issuerRef: { name: 'platform-ca' },
    });
    expect((objects('contour').envoy_xds_certificate as ICertificate).spec?.usages).toContain('client auth');
  });

  it('puts Envoy behind a LoadBalancer that exposes HTTP and HTTPS only, metrics on a Service of their own', async () => {
    const { objects } = await renderEdgeTest([
      fakeIssuer(),
      platformCa(),
      shop({ routes: 'public' }),
      contour({ loadBalancer: { provider: { type: 'gcp', internal: true } } }),
      contourRoutes(),
    ]);
    const lb = objects('contour').envoy_load_balancer_service as IService;
    expect(lb.metadata?.annotations).toEqual({ 'networking.gke.io/load-balancer-type': 'Internal' });
    expect(lb.spec?.ports?.map((p) => [p.port, p.targetPort])).toEqual([
      [80, 'http'],
      [443, 'https'],
    ]);
    expect((objects('contour').envoy_service as IService).spec?.ports?.map((p) => p.name)).toEqual(['http-metrics']);
    expect(objects('contour').envoy_servicemonitor).toMatchObject({
      spec: { endpoints: [{ port: 'http-metrics', path: '/stats/prometheus' }] },
    });
  });

  it("lets Envoy reach every routed backend, and the backend admit it, judged from both namespaces' policies", async () => {
    const { rendered } = await renderEdgeTest(environment());
    expect(connectionProblems(rendered, 'contour', 'http://shop.shop.svc.cluster.local:8080', 'envoy')).toEqual([]);
    // Contour itself proxies nothing.
    expect(connectionProblems(rendered, 'contour', 'http://shop.shop.svc.cluster.local:8080', 'contour')).not.toEqual(
      [],
    );
  });

  it("passes pnpm check's rules (restricted pods, probes, resources), the edge's included", async () => {
    const { rendered } = await renderEdgeTest(environment());
    expect(checkFindings(rendered, ['contour', 'contour-routes', 'shop'])).toEqual([]);
  });

  it('needs the platform CA for xDS', async () => {
    expect(await renderError([fakeIssuer(), contour()], { clusterApis: EDGE_TEST_CLUSTER_APIS })).toContain(
      'certificateIssuer',
    );
  });
});
