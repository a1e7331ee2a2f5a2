import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { KubeObject, RenderedEnvironment } from '@platform/core';
import type { CertificateRole, DeclaredCertificate } from './capabilities.js';
import { certificateLifetime, expiries, expiryCount, goSeconds, type Lifetime } from './lifetime.js';

/** One certificate (or class of certificates) of the environment and when its successive copies expire. */
export interface CalendarEntry {
  /** Component that renders or declares it. */
  component: string;
  /** `Certificate istio-system/istio-ca` for rendered ones, the declared name (`step-ca root`) otherwise. */
  name: string;
  /** A rendered cert-manager Certificate, or a lifetime a library declares (`certificateLifetime`). */
  source: 'certificate' | 'declared';
  role: CertificateRole;
  /** `ClusterIssuer platform-ca`, `StepClusterIssuer step-ca`, or the declared issuer's name. */
  issuer?: string;
  /** Undefined when its duration or renewal does not parse (the lifetime rules report it). */
  lifetime?: Lifetime;
  /** Whether duration and renewal are written down rather than left to cert-manager's defaults. */
  explicit: boolean;
  rotation: 'automatic' | 'manual';
  /**
   * Expiries in seconds after the first sync (when every certificate is first issued), up to the horizon: all of
   * them for CAs, the first {@link LEAF_EXPIRIES} for leaves (an hourly leaf expires 175,000 times in 20 years).
   */
  expiries: number[];
  /** How many expire up to the horizon. */
  expiryCount: number;
  /** The rendered Certificate, for findings. */
  object?: KubeObject;
}

/** Every certificate the environment defines, first expiry first. */
export interface CertificateCalendar {
  /** How far the calendar looks ahead, in seconds after the first sync. */
  horizon: number;
  entries: CalendarEntry[];
}

/** How many expiries of a leaf the calendar lists. */
export const LEAF_EXPIRIES = 5;

/** Options of {@link certificateCalendar}. */
export interface CalendarOptions {
  /** How far to look ahead, in seconds. Default: the longest CA lifetime, so every CA's first expiry is on it. */
  horizon?: number;
}

function issuerKindOf(certificate: ICertificate, rendered: RenderedEnvironment): 'selfSigned' | 'other' {
  const ref = certificate.spec?.issuerRef;
  if (!ref || (ref.group ?? 'cert-manager.io') !== 'cert-manager.io') return 'other';
  const kind = ref.kind ?? 'Issuer';
  const issuer = rendered.objects.find(
    ({ object }) =>
      object.apiVersion === 'cert-manager.io/v1' &&
      object.kind === kind &&
      object.metadata?.name === ref.name &&
      (kind === 'ClusterIssuer' || object.metadata?.namespace === certificate.metadata?.namespace),
  )?.object as { spec?: { selfSigned?: unknown } } | undefined;
  return issuer?.spec?.selfSigned !== undefined ? 'selfSigned' : 'other';
}

function renderedEntries(rendered: RenderedEnvironment): Omit<CalendarEntry, 'expiries' | 'expiryCount'>[] {
  return rendered.objects
    .filter(({ object }) => object.apiVersion === 'cert-manager.io/v1' && object.kind === 'Certificate')
    .map(({ component, object }) => {
      const certificate = object as ICertificate;
      const spec = certificate.spec;
      const ref = spec?.issuerRef;
      const role: CertificateRole =
        spec?.isCA !== true ? 'leaf' : issuerKindOf(certificate, rendered) === 'selfSigned' ? 'root' : 'intermediate';
      return {
        component,
        name: `Certificate ${certificate.metadata?.namespace}/${certificate.metadata?.name}`,
        source: 'certificate' as const,
        role,
        ...(ref ? { issuer: `${ref.kind ?? 'Issuer'} ${ref.name}` } : {}),
        lifetime: certificateLifetime(certificate),
        explicit:
          spec?.duration !== undefined && (spec.renewBefore !== undefined || spec.renewBeforePercentage !== undefined),
        rotation: 'automatic' as const,
        object,
      };
    });
}

/** Every certificate lifetime the environment's components declare (their `certificateLifetime`). */
export function declaredCertificates(rendered: RenderedEnvironment): DeclaredCertificate[] {
  const result: DeclaredCertificate[] = [];
  for (const provided of rendered.provided.values()) {
    const value = provided.certificateLifetime;
    if (value !== undefined) result.push(...(Array.isArray(value) ? value : [value]));
  }
  return result;
}

function declaredEntries(rendered: RenderedEnvironment): Omit<CalendarEntry, 'expiries' | 'expiryCount'>[] {
  return declaredCertificates(rendered).map((declared) => {
    const duration = goSeconds(declared.duration);
    const renewBefore = goSeconds(declared.renewBefore);
    return {
      component: declared.component,
      name: declared.name,
      source: 'declared' as const,
      role: declared.role,
      ...(declared.issuer ? { issuer: declared.issuer } : {}),
      ...(duration !== undefined && renewBefore !== undefined ? { lifetime: { duration, renewBefore } } : {}),
      explicit: true,
      rotation: declared.rotation,
    };
  });
}

/** Whether an entry is a certificate authority (a root or an intermediate). */
export function isAuthority(entry: Pick<CalendarEntry, 'role'>): boolean {
  return entry.role !== 'leaf';
}

/**
 * The expiry calendar of every CA and certificate the environment defines: the rendered cert-manager Certificates
 * and the lifetimes libraries declare. Issue times are unknown to a static check; every certificate of a new
 * environment is issued at its first sync, within minutes, so expiries count from that moment.
 */
export function certificateCalendar(rendered: RenderedEnvironment, options: CalendarOptions = {}): CertificateCalendar {
  const found = [...renderedEntries(rendered), ...declaredEntries(rendered)];
  const authorities = found.filter(isAuthority);
  const durations = (authorities.length > 0 ? authorities : found).flatMap((e) =>
    e.lifetime ? [e.lifetime.duration] : [],
  );
  const horizon = options.horizon ?? Math.max(0, ...durations);
  const entries = found
    .map((entry) => ({
      ...entry,
      expiries: entry.lifetime
        ? expiries(entry.lifetime, horizon, isAuthority(entry) ? Number.POSITIVE_INFINITY : LEAF_EXPIRIES)
        : [],
      expiryCount: entry.lifetime ? expiryCount(entry.lifetime, horizon) : 0,
    }))
    .sort(
      (a, b) =>
        (a.expiries[0] ?? Number.POSITIVE_INFINITY) - (b.expiries[0] ?? Number.POSITIVE_INFINITY) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  return { horizon, entries };
}
