/**
 * Who trusts what, walked from an environment's rendered objects: for a TLS connection, the root its server's
 * certificate chains to (a cert-manager Certificate's issuer chain, a library's trust anchor, a CloudNativePG
 * cluster's operator CA) and the roots its client trusts (a CA Secret or ConfigMap it names or mounts, an inline
 * PEM, the trust-manager Bundle), so that a test can require the first to be among the second.
 */
import type { IPodSpec, KubeObject, RenderedEnvironment } from '@platform/core';
import { bundleRoots, certificateRoot, trustAnchors } from '@platform/pki';

/** A cert-manager Certificate, as pki's walk takes it. */
export type ICertificate = Parameters<typeof certificateRoot>[1];

/** A root: pki's `certificate:<ns>/<name>` / `anchor:<component>/<name>` / `public`, or `cnpg:<ns>/<cluster>`. */
export type Root = string;

/** One TLS connection: the client, the server it dials, the server's root and the roots the client trusts. */
export interface TlsLink {
  client: string;
  server: string;
  serverRoot: Root | undefined;
  trusted: Set<Root>;
  /** Where the client's trust was read from, for failure messages. */
  via: string;
}

/** The walk over one rendered environment; `trustNamespace` is where trust-manager reads Bundle sources. */
export class TrustWalk {
  constructor(
    readonly rendered: RenderedEnvironment,
    readonly trustNamespace = 'cert-manager',
  ) {}

  objects(kind: string): KubeObject[] {
    return this.rendered.objects.filter(({ object }) => object.kind === kind).map(({ object }) => object);
  }

  private certificates(): ICertificate[] {
    return this.objects('Certificate').filter((o) => o.apiVersion === 'cert-manager.io/v1') as ICertificate[];
  }

  /** The root of the certificate served for `host` (`name.namespace.svc...`, a bare Service name in `namespace`). */
  serverRoot(host: string, namespace?: string): Root | undefined {
    const name = host.replace(/:\d+$/, '').replace(/^[a-z]+:\/\//, '');
    const certificate = this.certificates().find(
      (c) =>
        (c.spec?.dnsNames ?? []).includes(name) &&
        (name.includes('.') || namespace === undefined || c.metadata?.namespace === namespace),
    );
    if (certificate) return certificateRoot(this.rendered, certificate);
    const [service, serviceNamespace = namespace] = name.split('.');
    const cluster = this.objects('Cluster').find(
      (c) =>
        c.apiVersion === 'postgresql.cnpg.io/v1' &&
        c.metadata?.namespace === serviceNamespace &&
        [`${c.metadata?.name}-rw`, `${c.metadata?.name}-ro`, `${c.metadata?.name}-r`].includes(service!),
    );
    if (cluster) return `cnpg:${serviceNamespace}/${cluster.metadata!.name}`;
    // A server whose certificate is not cert-manager's: the trust anchor its component publishes (step-ca signs its
    // own serving certificate with the intermediate under its offline root).
    const owner = this.rendered.objects.find(
      ({ object }) =>
        object.kind === 'Service' &&
        object.metadata?.name === service &&
        object.metadata?.namespace === serviceNamespace,
    );
    const anchor = owner && trustAnchors(this.rendered).find((a) => a.component === owner.component);
    return anchor ? `anchor:${anchor.component}/${anchor.name}` : undefined;
  }

  /** The roots a CA file of Secret `namespace/name` holds: its Certificate's root, or its CloudNativePG cluster's CA. */
  secretRoots(namespace: string, name: string): Set<Root> {
    const roots = new Set<Root>();
    for (const c of this.certificates())
      if (c.metadata?.namespace === namespace && c.spec?.secretName === name) {
        const root = certificateRoot(this.rendered, c);
        if (root) roots.add(root);
      }
    for (const c of this.objects('Cluster')) {
      const spec = (c as { spec?: { certificates?: { serverCASecret?: string } } }).spec;
      const caSecret = spec?.certificates?.serverCASecret ?? `${c.metadata?.name}-ca`;
      if (c.metadata?.namespace === namespace && caSecret === name) roots.add(`cnpg:${namespace}/${c.metadata!.name}`);
    }
    return roots;
  }

  /** The roots of ConfigMap `name`: the Bundle trust-manager writes under that name. */
  configMapRoots(name: string): Set<Root> {
    return bundleRoots(this.rendered, this.trustNamespace).get(name) ?? new Set();
  }

  /** The trust anchors whose certificate an inline PEM bundle carries. */
  pemRoots(pem: string): Set<Root> {
    const flat = (s: string) => s.replace(/\s+/g, '');
    return new Set(
      trustAnchors(this.rendered)
        .filter((a) => flat(pem).includes(flat(a.certificate)))
        .map((a) => `anchor:${a.component}/${a.name}`),
    );
  }

  /**
   * The roots in file `path` as a pod sees it: the volume mounted at its directory (in any container), a Secret
   * or ConfigMap volume that projects the file's key (all keys when it lists no items).
   */
  fileRoots(
    pod: Pick<IPodSpec, 'volumes' | 'containers' | 'initContainers'>,
    namespace: string,
    path: string,
  ): Set<Root> {
    const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
    for (const container of containers)
      for (const mount of container.volumeMounts ?? []) {
        const directory = mount.mountPath.replace(/\/+$/, '');
        if (!path.startsWith(`${directory}/`)) continue;
        const file = path.slice(directory.length + 1);
        const volume = (pod.volumes ?? []).find((v) => v.name === mount.name);
        const projects = (items?: Array<{ key: string; path: string }>) =>
          items === undefined || items.some((i) => i.path === file);
        if (volume?.secret?.secretName && projects(volume.secret.items))
          return this.secretRoots(namespace, volume.secret.secretName);
        if (volume?.configMap?.name && projects(volume.configMap.items))
          return this.configMapRoots(volume.configMap.name);
      }
    return new Set();
  }

  /** The pod template of a rendered workload. */
  podSpec(kind: string, namespace: string, name: string): IPodSpec {
    const workload = this.objects(kind).find((o) => o.metadata?.namespace === namespace && o.metadata?.name === name);
    const spec = (workload as { spec?: { template?: { spec?: IPodSpec } } } | undefined)?.spec?.template?.spec;
    if (!spec) throw new Error(`${kind} ${namespace}/${name} is not rendered`);
    return spec;
  }
}

/** Whether every link's server root is among the roots its client trusts: the links that fail, as messages. */
export function untrustedLinks(links: TlsLink[]): string[] {
  return links
    .filter((l) => l.serverRoot === undefined || !l.trusted.has(l.serverRoot))
    .map(
      (l) =>
        `${l.client} → ${l.server}: server root ${l.serverRoot ?? '(unknown)'}, client trusts [${[...l.trusted].join(', ')}] from ${l.via}`,
    );
}
