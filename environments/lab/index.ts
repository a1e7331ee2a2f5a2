/**
 * lab: our users' Linkerd cluster. Linkerd is the environment's mesh (`settings.mesh: 'linkerd'`): every namespace
 * but cert-manager's, the CNI plugin's and the control plane's own is annotated for injection, and the derived
 * NetworkPolicies open Linkerd's proxy port and control plane. The mesh's trust anchor and identity issuer come
 * from cert-manager, the anchors reach the control plane through trust-manager; Contour behind an NLB is the
 * edge, external-dns writes its records to Route53. Flux delivers it (`delivery.engine: 'flux'`), installed once by
 * `flux install` outside the mesh (see `rendered/lab/_flux/`). Workspace sources of every library.
 */

import { platformRepo, sharedSettings, vaultStore } from '@environments/base';
import { awsAccount } from '@environments/base/aws';
import { certManager } from '@platform/cert-manager';
import { contour } from '@platform/contour';
import { defineEnvironment, outsideMesh } from '@platform/core';
import { externalDns } from '@platform/external-dns';
import { externalSecrets } from '@platform/external-secrets';
import { linkerd, linkerdViz } from '@platform/linkerd';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { trustManager } from '@platform/trust-manager';

const cluster = { name: 'lab-eu1', server: 'https://kubernetes.default.svc' };
const aws = awsAccount('777788889999', cluster.name);
const [linkerdCrds, linkerdCni, linkerdIdentityTrust, linkerdControlPlane] = linkerd({
  controlPlane: { highAvailability: true },
});

export default defineEnvironment({
  name: 'lab',
  cluster,
  repo: platformRepo,
  settings: {
    ...sharedSettings('lab.example.com', 'acme-lab'),
    mesh: 'linkerd',
    // linkerd-viz's Prometheus scrapes every proxy's admin port.
    metricsScraperNamespaces: ['linkerd-viz'],
  },
  // The first-sync plan counts the pods of rendered workloads only, and lab's only ones are Contour's (every other
  // component is an upstream chart): any share below 100% would refuse Contour's single stage. The charts' pods
  // still come up tier by tier.
  delivery: { engine: 'flux', maxFirstSyncShare: 1 },
  components: Object.values({
    prometheusOperatorCrds: prometheusOperatorCrds(),
    linkerdCrds,
    // Linkerd's injector never calls for cert-manager's namespace (proxyInjector.namespaceSelector,
    // linkerd-control-plane values.yaml:529-533): cert-manager issues the mesh's own identity issuer.
    certManager: certManager({
      letsEncrypt: { enabled: true, email: 'platform@example.com', dns01: aws.dns },
    }).mixin(outsideMesh("it issues the mesh's identity issuer; Linkerd's injector skips its namespace")),
    trustManager: trustManager(),
    externalSecrets: externalSecrets({ store: vaultStore(cluster.name) }),
    linkerdCni,
    linkerdIdentityTrust,
    linkerdControlPlane,
    linkerdViz: linkerdViz(),
    contour: contour({ loadBalancer: aws.loadBalancer }),
    externalDns: externalDns({ provider: aws.dns }),
  }),
});
