import type { Mixin } from '@platform/core';
import { defaults } from './config.js';

/**
 * A mixin that labels every Namespace it sees so trust-manager writes the bundle there. Apply it to the whole
 * environment (`mixins: [trustedNamespaces()]`) or to the components whose pods mount the bundle; the label must
 * be the bundle's `namespaceLabel` (the default unless given). `pnpm check` fails a pod that mounts the bundle in
 * a namespace without it (`pki.trust-bundle-namespace`).
 */
export function trustedNamespaces(label: { key: string; value: string } = defaults.bundle.namespaceLabel): Mixin {
  return (object) => {
    if (object.apiVersion !== 'v1' || object.kind !== 'Namespace') return;
    object.metadata = { ...object.metadata, labels: { ...object.metadata?.labels, [label.key]: label.value } };
  };
}
