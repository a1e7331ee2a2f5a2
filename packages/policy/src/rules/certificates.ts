import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import {
  formatDuration,
  type IPrometheusRule,
  type PolicyRule,
  parseDuration,
  type RenderedObject,
} from '@platform/core';
import { type Inventory, inventoryOf } from '../inventory.js';

/** cert-manager's defaults: 90 days of validity, renewal when a third of it is left. */
const DEFAULT_DURATION = 2160 * 3600;
const DEFAULT_RENEW_SHARE = 1 / 3;
/** How long a CA must outlive everything it signs, and how far apart CA expiries must be. */
export const CA_MARGIN_SECONDS = 7 * 24 * 3600;
/** The cert-manager metric an expiry alert must watch. */
export const EXPIRY_METRIC = 'certmanager_certificate_expiration_timestamp_seconds';

/** Seconds of a `duration` or `renewBefore` as cert-manager reads it (Go syntax, never negative); undefined otherwise. */
export function certManagerSeconds(text: string): number | undefined {
  const seconds = parseDuration(text, 'go');
  return seconds !== undefined && seconds >= 0 ? seconds : undefined;
}

interface Lifetime {
  /** Validity in seconds. */
  duration: number;
  /** How long before expiry cert-manager renews, in seconds. */
  renewBefore: number;
}

/** The lifetime cert-manager would give a Certificate (defaults filled in); undefined when a field does not parse. */
function lifetimeOf(certificate: ICertificate): Lifetime | undefined {
  const spec = certificate.spec;
  const duration = spec?.duration === undefined ? DEFAULT_DURATION : certManagerSeconds(spec.duration);
  if (duration === undefined) return undefined;
  if (spec?.renewBefore !== undefined) {
    const renewBefore = certManagerSeconds(spec.renewBefore);
    return renewBefore === undefined ? undefined : { duration, renewBefore };
  }
  const share = spec?.renewBeforePercentage !== undefined ? spec.renewBeforePercentage / 100 : DEFAULT_RENEW_SHARE;
  return { duration, renewBefore: duration * share };
}

function id(object: { metadata?: { namespace?: string; name?: string } }): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

export const certificateLifetimeRule: PolicyRule = {
  id: 'certificates.lifetime',
  severity: 'error',
  rationale:
    'Certificate lifetimes must be explicit and renewal must start before expiry, so rotations are planned, not discovered.',
  check(environment, report) {
    for (const { component, object } of inventoryOf(environment).ofKind('cert-manager.io', 'Certificate')) {
      const spec: Partial<NonNullable<ICertificate['spec']>> = (object as ICertificate).spec ?? {};
      const name = `Certificate "${object.metadata?.name}"`;
      const at = (path: string, message: string) => report({ component, object, path, message: `${name} ${message}` });
      const duration = spec.duration === undefined ? undefined : certManagerSeconds(spec.duration);
      if (spec.duration === undefined)
        at('spec.duration', `sets no spec.duration (cert-manager would use ${formatDuration(DEFAULT_DURATION)})`);
      else if (duration === undefined)
        at(
          'spec.duration',
          `has spec.duration "${spec.duration}", which is not a duration cert-manager accepts (Go syntax such as 2160h or 1h30m)`,
        );
      if (spec.renewBefore !== undefined) {
        const renewBefore = certManagerSeconds(spec.renewBefore);
        if (renewBefore === undefined)
          at(
            'spec.renewBefore',
            `has spec.renewBefore "${spec.renewBefore}", which is not a duration cert-manager accepts (Go syntax such as 720h)`,
          );
        else if (duration !== undefined && renewBefore >= duration)
          at(
            'spec.renewBefore',
            `renews ${spec.renewBefore} before expiry, which is not shorter than spec.duration (${spec.duration})`,
          );
      } else if (spec.renewBeforePercentage !== undefined) {
        if (!(spec.renewBeforePercentage > 0 && spec.renewBeforePercentage < 100))
          at(
            'spec.renewBeforePercentage',
            `has spec.renewBeforePercentage ${spec.renewBeforePercentage}, which must be between 0 and 100, exclusive`,
          );
      } else {
        at(
          'spec.renewBefore',
          'sets neither spec.renewBefore nor spec.renewBeforePercentage (cert-manager would renew when a third of the lifetime is left)',
        );
      }
    }
  },
};

interface Signer {
  certificate: RenderedObject;
  lifetime: Lifetime;
  /** `ClusterIssuer "ca"`, for messages. */
  issuer: string;
}

const secretIndex = new WeakMap<Inventory, Map<string, RenderedObject[]>>();

/** Certificates by the Secret they write. */
function bySecretName(inventory: Inventory): Map<string, RenderedObject[]> {
  let index = secretIndex.get(inventory);
  if (!index) {
    index = new Map();
    for (const rendered of inventory.ofKind('cert-manager.io', 'Certificate')) {
      const name = (rendered.object as ICertificate).spec?.secretName ?? '';
      index.set(name, [...(index.get(name) ?? []), rendered]);
    }
    secretIndex.set(inventory, index);
  }
  return index;
}

/** For each Certificate, the CA Certificates whose key signs it: issuerRef → (Cluster)Issuer with `spec.ca.secretName` → Certificate writing that Secret. */
function signersOf(inventory: Inventory, certificate: ICertificate): Signer[] {
  const ref = certificate.spec?.issuerRef;
  if (!ref || (ref.group ?? 'cert-manager.io') !== 'cert-manager.io') return [];
  const kind = ref.kind ?? 'Issuer';
  const issuer =
    kind === 'ClusterIssuer'
      ? (inventory.get('cert-manager.io', 'ClusterIssuer', '', ref.name)?.object as IClusterIssuer | undefined)
      : kind === 'Issuer'
        ? (inventory.get('cert-manager.io', 'Issuer', certificate.metadata?.namespace ?? '', ref.name)?.object as
            | IIssuer
            | undefined)
        : undefined;
  const secretName = issuer?.spec?.ca?.secretName;
  if (!secretName) return [];
  const result: Signer[] = [];
  for (const candidate of bySecretName(inventory).get(secretName) ?? []) {
    const ca = candidate.object as ICertificate;
    if (ca === certificate) continue;
    // An Issuer reads its Secret from its own namespace; a ClusterIssuer from cert-manager's cluster resource namespace, which only the cluster knows.
    if (kind === 'Issuer' && ca.metadata?.namespace !== issuer!.metadata?.namespace) continue;
    const lifetime = lifetimeOf(ca);
    if (lifetime) result.push({ certificate: candidate, lifetime, issuer: `${kind} "${ref.name}"` });
  }
  return result;
}

/**
 * A CA Certificate is renewed `renewBefore` before it expires, so the CA certificate that signs anything has at
 * least `renewBefore` left. A certificate it signs lives `duration`; it expires before its CA whenever the CA's
 * `renewBefore` ≥ that `duration`. The rule asks for that plus {@link CA_MARGIN_SECONDS}. (cert-manager does not cap
 * signed certificates at the CA's expiry: https://cert-manager.io/docs/configuration/ca/, cert-manager issue #5864.)
 */
export const caOutlivesSignedRule: PolicyRule = {
  id: 'certificates.ca-outlives-signed',
  severity: 'error',
  rationale:
    "cert-manager's CA issuer signs certificates that outlive the CA; they stop validating when the CA expires.",
  check(environment, report) {
    const inventory = inventoryOf(environment);
    for (const { component, object } of inventory.ofKind('cert-manager.io', 'Certificate')) {
      const certificate = object as ICertificate;
      const lifetime = lifetimeOf(certificate);
      if (!lifetime) continue;
      for (const signer of signersOf(inventory, certificate)) {
        const needed = lifetime.duration + CA_MARGIN_SECONDS;
        if (signer.lifetime.renewBefore >= needed) continue;
        const outlives = lifetime.duration - signer.lifetime.renewBefore;
        report({
          component,
          object,
          path: 'spec.duration',
          message:
            `Certificate "${id(certificate)}" is signed by CA Certificate "${id(signer.certificate.object)}" (through ${signer.issuer}), which is renewed ${formatDuration(signer.lifetime.renewBefore)} before it expires; a certificate issued just before that renewal lives ${formatDuration(lifetime.duration)}` +
            `${outlives > 0 ? ` and outlives its CA by ${formatDuration(outlives)}` : `, less than ${formatDuration(CA_MARGIN_SECONDS)} short of the CA's expiry`}. The CA's renewBefore must be at least this duration plus ${formatDuration(CA_MARGIN_SECONDS)} (${formatDuration(needed)})`,
        });
      }
    }
  },
};

/**
 * Issue times are unknown to a static check. Every CA of a new environment is issued at its first sync, within
 * minutes, so each expires `duration` after that moment; two CA durations less than a week apart put their
 * expiries (and renewals, when `renewBefore` is equal too) into the same week.
 */
export const caExpirySpreadRule: PolicyRule = {
  id: 'certificates.ca-expiry-spread',
  severity: 'warn',
  rationale: 'Two CA rotations in the same week double the blast radius of a failed rotation.',
  check(environment, report) {
    const cas = inventoryOf(environment)
      .ofKind('cert-manager.io', 'Certificate')
      .filter(({ object }) => (object as ICertificate).spec?.isCA === true)
      .map((rendered) => ({ rendered, lifetime: lifetimeOf(rendered.object as ICertificate) }))
      .filter((ca): ca is { rendered: RenderedObject; lifetime: Lifetime } => ca.lifetime !== undefined)
      .sort(
        (a, b) => a.lifetime.duration - b.lifetime.duration || (id(a.rendered.object) < id(b.rendered.object) ? -1 : 1),
      );
    for (let i = 1; i < cas.length; i++) {
      const [earlier, later] = [cas[i - 1]!, cas[i]!];
      if (later.lifetime.duration - earlier.lifetime.duration >= CA_MARGIN_SECONDS) continue;
      report({
        component: later.rendered.component,
        object: later.rendered.object,
        path: 'spec.duration',
        message: `CA Certificate "${id(later.rendered.object)}" (duration ${formatDuration(later.lifetime.duration)}) expires within a week of CA Certificate "${id(earlier.rendered.object)}" (duration ${formatDuration(earlier.lifetime.duration)}) when both are issued at the first sync; make their durations differ by at least ${formatDuration(CA_MARGIN_SECONDS)}`,
      });
    }
  },
};

export const certificateExpiryAlertRule: PolicyRule = {
  id: 'certificates.expiry-alert',
  severity: 'error',
  rationale:
    'An environment with certificates needs an alert on their expiry, or the first sign of a failed renewal is an outage.',
  check(environment, report) {
    const inventory = inventoryOf(environment);
    const certificates = inventory.ofKind('cert-manager.io', 'Certificate').length;
    if (certificates === 0) return;
    const alerted = inventory
      .ofKind('monitoring.coreos.com', 'PrometheusRule')
      .some(({ object }) =>
        ((object as IPrometheusRule).spec?.groups ?? []).some((group) =>
          (group.rules ?? []).some((rule) => String(rule.expr ?? '').includes(EXPIRY_METRIC)),
        ),
      );
    if (alerted) return;
    report({
      component: '_environment',
      message: `the environment renders ${certificates} Certificate${certificates === 1 ? '' : 's'} but no PrometheusRule whose expression uses ${EXPIRY_METRIC}`,
    });
  },
};

export const certificateRules: PolicyRule[] = [
  certificateLifetimeRule,
  caOutlivesSignedRule,
  caExpirySpreadRule,
  certificateExpiryAlertRule,
];
