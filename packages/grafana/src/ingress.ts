import { type BuildContext, type IIngress, standardLabels } from '@platform/core';
import { type GrafanaConfig, grafanaHost } from './config.js';

/**
 * The Ingress for `https://<host>/`. When the environment has a certificate issuer, cert-manager issues
 * the TLS Secret (a ClusterIssuer, or an Issuer in Grafana's own namespace); otherwise the Secret must exist.
 */
export function grafanaIngress(context: BuildContext<GrafanaConfig>): IIngress {
  const { ingress } = context.config;
  const host = grafanaHost(context.config, context.environment.settings.baseDomain);
  const issuer = context.peers.find('certificateIssuer');
  const issuerAnnotation: Record<string, string> =
    issuer?.issuerRef.kind === 'ClusterIssuer'
      ? { 'cert-manager.io/cluster-issuer': issuer.issuerRef.name }
      : issuer?.issuerRef.kind === 'Issuer' && issuer.namespace === context.namespace
        ? { 'cert-manager.io/issuer': issuer.issuerRef.name }
        : {};
  const annotations = { ...issuerAnnotation, ...ingress.annotations };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'grafana',
      namespace: context.namespace,
      labels: standardLabels(context.name, 'grafana'),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      ingressClassName: ingress.className,
      tls: [{ hosts: [host], secretName: ingress.tlsSecretName }],
      rules: [
        {
          host,
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'grafana', port: { name: 'http' } } } },
            ],
          },
        },
      ],
    },
  };
}
