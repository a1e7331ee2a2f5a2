import {
  type BuildContext,
  stageAnnotations,
  standardLabels,
  type TrustBundleMount,
  trustBundle,
} from '@platform/core';
import { POLICY_STAGE } from './admission.js';
import type { KyvernoConfig } from './config.js';
import type { IMutatingPolicy } from './kinds.js';

/** Name of the MutatingPolicy. */
export const TRUST_BUNDLE_POLICY = 'platform-trust-bundle';

/** A CEL string literal. */
function literal(value: string): string {
  return JSON.stringify(value);
}

/** The apply configuration of one list of containers: each gets the mount and the env vars, by name. */
function containers(field: 'containers' | 'initContainers', mount: TrustBundleMount): string {
  const type = `Object.spec.${field}`;
  const env = mount.env.map((e) => `${type}.env{name: ${literal(e.name)}, value: ${literal(e.value!)}}`).join(', ');
  const source = field === 'containers' ? 'object.spec.containers' : 'object.spec.initContainers';
  return [
    `${field}: ${source}.map(c, ${type}{`,
    '      name: c.name,',
    `      volumeMounts: [${type}.volumeMounts{name: ${literal(mount.volumeMount.name)}, mountPath: ${literal(mount.volumeMount.mountPath)}, readOnly: true}]${env ? ',' : ''}`,
    ...(env ? [`      env: [${env}]`] : []),
    '    })',
  ].join('\n');
}

/**
 * The mutation as an apply configuration (merged like server-side apply: volumes, containers and env by name,
 * volume mounts by path), the form Kyverno's MutatingPolicy shares with Kubernetes' MutatingAdmissionPolicy. The
 * mount is exactly what core's `trustBundle()` gives the pods the platform renders itself, so a chart's pods and
 * the platform's trust the bundle the same way. Init containers only exist in some pods, and an apply
 * configuration cannot leave a field out conditionally, hence the two branches.
 */
export function trustBundleExpression(mount: TrustBundleMount): string {
  const volume = mount.volume.configMap!;
  const item = volume.items![0]!;
  const volumes = [
    'volumes: [Object.spec.volumes{',
    `      name: ${literal(mount.volume.name)},`,
    `      configMap: Object.spec.volumes.configMap{name: ${literal(volume.name!)}, items: [Object.spec.volumes.configMap.items{key: ${literal(item.key)}, path: ${literal(item.path)}}]}`,
    '    }]',
  ].join('\n');
  const object = (...fields: string[]) => `Object{\n  spec: Object.spec{\n    ${fields.join(',\n    ')}\n  }\n}`;
  return [
    'has(object.spec.initContainers) ?',
    object(volumes, containers('containers', mount), containers('initContainers', mount)),
    ':',
    object(volumes, containers('containers', mount)),
  ].join('\n');
}

/**
 * Mounts the platform's CA bundle (the `trustBundle` capability, written by trust-manager) into the pods of the
 * selected namespaces and pods, init and sidecar containers included, and points `SSL_CERT_FILE` (or the
 * configured variables) at it: upstream charts' pods trust the internal PKI without a modified manifest.
 *
 * - Only namespaces carrying the bundle's label: elsewhere the ConfigMap does not exist and the pod would never
 *   start. Never kube-system or Kyverno's own namespace, so a failing Kyverno cannot block its own recovery.
 * - Only Pods, at creation (a pod's volumes are immutable afterwards): no pod controller is mutated
 *   (`autogen.podControllers.controllers: []`, `pkg/cel/policies/mpol/autogen/autogen.go`), so the Deployments
 *   Argo CD applies never differ from git.
 * - Reinvoked when a later webhook (Istio's sidecar injector) adds containers, so those trust the bundle too.
 */
export function trustBundlePolicy(context: BuildContext<KyvernoConfig>): IMutatingPolicy {
  const settings = context.config.trustBundle;
  const bundle = context.peers.require('trustBundle', 'the trust-bundle policy mounts its ConfigMap into pods');
  const mount = trustBundle(bundle, {
    ...(settings.mountPath !== undefined ? { mountPath: settings.mountPath } : {}),
    ...(settings.env !== undefined ? { env: settings.env } : {}),
  });
  const extra = settings.namespaceSelector;
  return {
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'MutatingPolicy',
    metadata: {
      name: TRUST_BUNDLE_POLICY,
      labels: standardLabels(context.name, 'policy'),
      annotations: stageAnnotations(POLICY_STAGE),
    },
    spec: {
      matchConstraints: {
        resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
        namespaceSelector: {
          matchLabels: { ...extra?.matchLabels, ...mount.namespaceLabels },
          matchExpressions: [
            ...(extra?.matchExpressions ?? []),
            { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', context.namespace] },
          ],
        },
        ...(settings.podSelector ? { objectSelector: settings.podSelector } : {}),
      },
      failurePolicy: settings.failurePolicy,
      reinvocationPolicy: 'IfNeeded',
      autogen: { podControllers: { controllers: [] } },
      mutations: [
        { patchType: 'ApplyConfiguration', applyConfiguration: { expression: trustBundleExpression(mount) } },
      ],
    },
  };
}
