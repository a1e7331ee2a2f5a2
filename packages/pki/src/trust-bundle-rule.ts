import { type PolicyRule, podSpecOf, podSpecPath, type TrustBundle } from '@platform/core';

/** Id of {@link trustBundleNamespaceRule}. */
export const TRUST_BUNDLE_NAMESPACE_RULE = 'pki.trust-bundle-namespace';

function bundles(rendered: Parameters<PolicyRule['check']>[0]): TrustBundle[] {
  const result: TrustBundle[] = [];
  for (const provided of rendered.provided.values()) {
    const value = provided.trustBundle;
    if (value !== undefined) result.push(...(Array.isArray(value) ? value : [value]));
  }
  return result;
}

/**
 * A pod that mounts the trust bundle's ConfigMap only starts in a namespace trust-manager writes it to: one that
 * carries the bundle's namespace label. Without it the pod waits in ContainerCreating for a ConfigMap that never
 * comes, so `pnpm check` fails it first. Namespaces the environment does not render are not judged.
 */
export const trustBundleNamespaceRule: PolicyRule = {
  id: TRUST_BUNDLE_NAMESPACE_RULE,
  severity: 'error',
  rationale:
    'trust-manager writes the CA bundle only into labelled namespaces; a pod mounting it elsewhere never starts.',
  check(rendered, report) {
    const namespaces = new Map(
      rendered.objects
        .filter(({ object }) => object.apiVersion === 'v1' && object.kind === 'Namespace')
        .map(({ object }) => [object.metadata?.name ?? '', object.metadata?.labels ?? {}]),
    );
    for (const bundle of bundles(rendered)) {
      const { key, value } = bundle.namespaceLabel;
      for (const { component, object } of rendered.objects) {
        const spec = podSpecOf(object);
        const volume = spec?.volumes?.findIndex((v) => v.configMap?.name === bundle.configMap) ?? -1;
        if (volume < 0) continue;
        const namespace = object.metadata?.namespace ?? '';
        const labels = namespaces.get(namespace);
        if (labels === undefined || labels[key] === value) continue;
        report({
          component,
          object,
          path: `${podSpecPath(object)}.volumes[name=${spec!.volumes![volume]!.name}]`,
          message: `mounts the trust bundle ConfigMap "${bundle.configMap}", which trust-manager writes only into namespaces labelled ${key}=${value}; namespace "${namespace}" is not (add trust-manager's trustedNamespaces() mixin to the environment)`,
        });
      }
    }
  },
};
