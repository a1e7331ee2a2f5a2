import type { IIngress, INetworkPolicy } from '@platform/core';
import { standardLabels } from '@platform/core';

/** What an Ingress needs to publish one in-cluster push endpoint under a public URL. */
export interface PublicPush {
  /** Component that owns the Service (and so the Ingress, which must share its namespace). */
  component: string;
  namespace: string;
  /** The in-cluster URL the component publishes, e.g. `http://distributor.mimir.svc.cluster.local:8080/api/v1/push`. */
  internalUrl: string;
  /** The public URL, e.g. `https://mimir-push.sre.example.com/api/v1/push`. */
  publicUrl: string;
  /** ClusterIssuer that signs the public certificate. */
  issuer: string;
  /** Secret holding the htpasswd-format users allowed to push (ingress-nginx basic auth). */
  authSecret: string;
  /** Ingress class and the namespace its controller runs in. */
  ingressClass: string;
  controllerNamespace: string;
}

/**
 * An Ingress that serves exactly the push path of an in-cluster endpoint on a public host, with TLS from
 * cert-manager and basic auth, plus the NetworkPolicy that lets the ingress controller reach the backend.
 * Backend Service and port come from the component's own published URL, host and path from the public URL.
 */
export function publicPush(push: PublicPush): { ingress: IIngress; networkPolicy: INetworkPolicy } {
  const internal = new URL(push.internalUrl);
  const external = new URL(push.publicUrl);
  const service = internal.hostname.split('.')[0]!;
  const port = Number(internal.port || 80);
  if (internal.pathname !== external.pathname) {
    throw new Error(`public path ${external.pathname} differs from the component's push path ${internal.pathname}`);
  }
  const labels = standardLabels(push.component, 'public-push');
  const name = `${service}-public-push`;
  return {
    ingress: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name,
        namespace: push.namespace,
        labels,
        annotations: {
          'cert-manager.io/cluster-issuer': push.issuer,
          'nginx.ingress.kubernetes.io/auth-type': 'basic',
          'nginx.ingress.kubernetes.io/auth-secret': push.authSecret,
          'nginx.ingress.kubernetes.io/auth-realm': 'SRE push',
          'nginx.ingress.kubernetes.io/proxy-body-size': '16m',
        },
      },
      spec: {
        ingressClassName: push.ingressClass,
        tls: [{ hosts: [external.hostname], secretName: `${name}-tls` }],
        rules: [
          {
            host: external.hostname,
            http: {
              paths: [
                {
                  path: external.pathname,
                  pathType: 'Exact',
                  backend: { service: { name: service, port: { number: port } } },
                },
              ],
            },
          },
        ],
      },
    },
    networkPolicy: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `allow-${name}`, namespace: push.namespace, labels },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/instance': push.component } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': push.controllerNamespace } } }],
            ports: [{ port, protocol: 'TCP' }],
          },
        ],
      },
    },
  };
}

/** The one endpoint a component provides for a capability. */
export function single<T>(provided: T | T[] | undefined): T {
  const value = Array.isArray(provided) ? provided[0] : provided;
  if (value === undefined) throw new Error('the component provides no such endpoint');
  return value;
}
