import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { KubeObject, RenderedEnvironment } from '@platform/core';
import type { TrustAnchor } from './capabilities.js';

/**
 * The root a certificate chains to: a self-signed cert-manager CA Certificate (`certificate:<ns>/<name>`), a
 * trust anchor a library publishes (`anchor:<component>/<name>`), or the public roots (`public`).
 */
export type RootId = `certificate:${string}/${string}` | `anchor:${string}/${string}` | 'public';

/** Every trust anchor the environment's components publish. */
export function trustAnchors(rendered: RenderedEnvironment): TrustAnchor[] {
  const result: TrustAnchor[] = [];
  for (const provided of rendered.provided.values()) {
    const value = provided.trustAnchor;
    if (value !== undefined) result.push(...(Array.isArray(value) ? value : [value]));
  }
  return result;
}

function certificates(rendered: RenderedEnvironment): Array<{ component: string; object: ICertificate }> {
  return rendered.objects
    .filter(({ object }) => object.apiVersion === 'cert-manager.io/v1' && object.kind === 'Certificate')
    .map(({ component, object }) => ({ component, object: object as ICertificate }));
}

function find(rendered: RenderedEnvironment, kind: string, name: string, namespace?: string) {
  return rendered.objects.find(
    ({ object }) =>
      object.apiVersion === 'cert-manager.io/v1' &&
      object.kind === kind &&
      object.metadata?.name === name &&
      (namespace === undefined || object.metadata?.namespace === namespace),
  );
}

const certificateId = (c: KubeObject): RootId => `certificate:${c.metadata?.namespace}/${c.metadata?.name}`;

/**
 * The root `certificate` chains to, walking the rendered objects: issuerRef → (Cluster)Issuer → `ca.secretName` →
 * the CA Certificate writing that Secret → ... → a self-signed issuer; or an external issuer (step-issuer's
 * `StepClusterIssuer`) → the trust anchor that declares it. Undefined when the chain leaves what is rendered.
 */
export function certificateRoot(rendered: RenderedEnvironment, certificate: ICertificate): RootId | undefined {
  const seen = new Set<ICertificate>();
  let current: ICertificate | undefined = certificate;
  while (current && !seen.has(current)) {
    seen.add(current);
    const ref: NonNullable<ICertificate['spec']>['issuerRef'] | undefined = current.spec?.issuerRef;
    if (!ref) return undefined;
    const group = ref.group ?? 'cert-manager.io';
    const kind: string = ref.kind ?? 'Issuer';
    if (group !== 'cert-manager.io') {
      const anchor = trustAnchors(rendered).find((a) =>
        a.issuers.some((i) => i.group === group && i.kind === kind && i.name === ref.name),
      );
      return anchor ? `anchor:${anchor.component}/${anchor.name}` : undefined;
    }
    const issuer = find(rendered, kind, ref.name, kind === 'Issuer' ? current.metadata?.namespace : undefined);
    const spec = (issuer?.object as { spec?: { selfSigned?: unknown; ca?: { secretName?: string } } } | undefined)
      ?.spec;
    if (spec?.selfSigned !== undefined) return certificateId(current);
    const secretName = spec?.ca?.secretName;
    if (!issuer || !secretName) return undefined;
    // An Issuer reads its Secret from its own namespace; a ClusterIssuer from cert-manager's, its component's.
    const namespace: string | undefined =
      kind === 'Issuer'
        ? issuer.object.metadata?.namespace
        : rendered.components.find((c) => c.name === issuer.component)?.namespace;
    current = certificates(rendered).find(
      ({ object }) => object.spec?.secretName === secretName && object.metadata?.namespace === namespace,
    )?.object;
  }
  return undefined;
}

/** A trust-manager Bundle's sources, as far as this walk reads them. */
interface BundleSource {
  secret?: { name: string; key: string };
  inLine?: string;
  useDefaultCAs?: boolean;
}

const normalisePem = (pem: string) => pem.replace(/\s+/g, '');

/**
 * The roots each trust-manager Bundle of the environment distributes, by Bundle (= target ConfigMap) name:
 * Secret sources resolve to the CA Certificates writing them in the trust namespace (`trustNamespace`,
 * cert-manager's), inline PEM to the trust anchor with that certificate, `useDefaultCAs` to `public`.
 */
export function bundleRoots(rendered: RenderedEnvironment, trustNamespace: string): Map<string, Set<RootId>> {
  const anchors = trustAnchors(rendered);
  const result = new Map<string, Set<RootId>>();
  for (const { object } of rendered.objects) {
    if (object.apiVersion !== 'trust.cert-manager.io/v1alpha1' || object.kind !== 'Bundle') continue;
    const roots = new Set<RootId>();
    for (const source of ((object as { spec?: { sources?: BundleSource[] } }).spec?.sources ?? []) as BundleSource[]) {
      if (source.useDefaultCAs) roots.add('public');
      if (source.inLine !== undefined) {
        for (const anchor of anchors)
          if (normalisePem(source.inLine).includes(normalisePem(anchor.certificate)))
            roots.add(`anchor:${anchor.component}/${anchor.name}`);
      }
      if (source.secret) {
        const ca = certificates(rendered).find(
          ({ object: c }) => c.spec?.secretName === source.secret!.name && c.metadata?.namespace === trustNamespace,
        );
        const root = ca && certificateRoot(rendered, ca.object);
        if (root) roots.add(root);
      }
    }
    result.set(object.metadata!.name!, roots);
  }
  return result;
}
