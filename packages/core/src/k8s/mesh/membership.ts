import type { ServiceMesh } from '../../model/capabilities.js';
import type { PodSecurityLevel } from '../../model/definition.js';
import { PlatformError } from '../../model/errors.js';
import type { Mixin } from '../../model/mixin.js';
import type { Peers } from '../../model/peers.js';
import type { MeshChoice } from '../../model/settings.js';
import type { ResolvedComponent } from '../../pipeline/resolve.js';

/** Annotation on a namespace that stays outside the environment's mesh, saying why. */
export const MESH_EXCLUDED_ANNOTATION = 'platform.dev/mesh-excluded';

const OUTSIDE_MESH = Symbol.for('@platform/core.outsideMesh');

/** Why a privileged namespace is outside the mesh without asking. */
const PRIVILEGED_REASON =
  'privileged Pod Security: node agents (host network, host paths, CSI/CNI) break behind a proxy';

/**
 * Keeps a component's namespace out of the environment's mesh, whichever it is (`settings.mesh`): the namespace is
 * marked for no injection and gets no mesh ports or mTLS exceptions. For components a proxy breaks (node agents,
 * CNI), and for a mesh's own control plane. Apply it to the component, in the library's factory or the
 * environment: `web().mixin(outsideMesh('its raw sockets break behind a proxy'))`. Namespaces whose Pod Security
 * level is `privileged` are outside the mesh without it.
 *
 * It renders nothing by itself (an environment without a mesh is unchanged): the core reads it while building
 * the namespace.
 */
export function outsideMesh(reason: string): Mixin {
  if (typeof reason !== 'string' || reason.trim() === '')
    throw new PlatformError({ message: 'outsideMesh(): give the reason the component stays outside the mesh' });
  const mixin: Mixin = () => undefined;
  Object.defineProperty(mixin, OUTSIDE_MESH, { value: reason });
  return mixin;
}

/** The reason of the first {@link outsideMesh} among a component's mixins, if any. */
function outsideMeshReason(mixins: readonly Mixin[]): string | undefined {
  for (const mixin of mixins) {
    const reason = (mixin as unknown as Record<symbol, unknown>)[OUTSIDE_MESH];
    if (typeof reason === 'string') return reason;
  }
  return undefined;
}

/** How a component's namespace relates to the environment's mesh. */
export interface MeshMembership {
  /** The mesh, as its control plane describes it (the first provider when several run, e.g. revisions). */
  mesh: ServiceMesh;
  /** Whether the namespace's pods get the mesh's proxy. */
  meshed: boolean;
  /** Why not, when not. */
  excludedBecause?: string;
  /** Every control plane of the mesh the proxies may connect to. */
  controlPlanes: ServiceMesh[];
}

/** What {@link meshMembership} decides from. */
export interface MembershipInput {
  mesh: MeshChoice | undefined;
  podSecurity: PodSecurityLevel;
  mixins: readonly Mixin[];
  peers: Pick<Peers, 'all'>;
}

/** The providers of the environment's chosen mesh. */
function chosenMesh(mesh: MeshChoice | undefined, peers: Pick<Peers, 'all'>): ServiceMesh[] {
  // Settings built without resolveSettings() (older callers) have no mesh: the same as none.
  if (mesh === undefined || mesh === 'none') return [];
  return peers.all('serviceMesh').filter((provider) => provider.mesh === mesh);
}

/**
 * The namespace's place in the environment's mesh; undefined when the environment has none (`mesh: 'none'`), so
 * that nothing mesh-related is rendered, or when no component provides the chosen mesh (an environment error,
 * {@link checkMeshChoice}). Outside the mesh: privileged namespaces (node agents), and components with
 * {@link outsideMesh}.
 */
export function meshMembership({ mesh, podSecurity, mixins, peers }: MembershipInput): MeshMembership | undefined {
  const controlPlanes = chosenMesh(mesh, peers);
  const [first] = controlPlanes;
  if (!first) return undefined;
  const excludedBecause = outsideMeshReason(mixins) ?? (podSecurity === 'privileged' ? PRIVILEGED_REASON : undefined);
  return {
    mesh: first,
    meshed: excludedBecause === undefined,
    ...(excludedBecause !== undefined ? { excludedBecause } : {}),
    controlPlanes,
  };
}

/**
 * The environment's mesh choice against its components: a mesh other than `none` needs a component providing it
 * (its control plane), else nothing would be meshed and the choice would silently do nothing.
 */
export function checkMeshChoice(mesh: MeshChoice | undefined, peers: Pick<Peers, 'all'>): PlatformError | undefined {
  if (mesh === undefined || mesh === 'none' || chosenMesh(mesh, peers).length > 0) return undefined;
  const offered = [...new Set(peers.all('serviceMesh').map((provider) => provider.mesh))];
  return new PlatformError({
    path: 'settings.mesh',
    message: `the mesh is ${JSON.stringify(mesh)}, but no component provides it (add its control plane${
      offered.length > 0 ? `; provided: ${offered.map((m) => JSON.stringify(m)).join(', ')}` : ''
    }), or set "none"`,
  });
}

/** The components of an environment, and their namespaces, that stay outside its mesh: callers without a proxy. */
export interface UnmeshedCallers {
  components: ReadonlySet<string>;
  namespaces: ReadonlySet<string>;
}

/** No caller is outside the mesh (the environment has none, or every component joined it). */
export const NO_UNMESHED_CALLERS: UnmeshedCallers = { components: new Set(), namespaces: new Set() };

/**
 * Which components stay outside the environment's mesh, decided before any is built, so that a meshed component
 * can let those callers through its mesh's mutual TLS ({@link ServiceMesh.plaintextExceptions}).
 */
export function unmeshedCallers(
  mesh: MeshChoice | undefined,
  resolved: readonly Pick<ResolvedComponent, 'component' | 'definition' | 'state'>[],
  peers: Pick<Peers, 'all'>,
): UnmeshedCallers {
  const components = new Set<string>();
  const namespaces = new Set<string>();
  for (const { component, definition, state } of resolved) {
    const membership = meshMembership({
      mesh,
      podSecurity: definition.podSecurity ?? 'restricted',
      mixins: state.mixins,
      peers,
    });
    if (!membership || membership.meshed) continue;
    components.add(component.name);
    namespaces.add(component.namespace);
  }
  return { components, namespaces };
}
