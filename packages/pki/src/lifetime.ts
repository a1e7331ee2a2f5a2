import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { parseDuration } from '@platform/core';

/** How long a certificate lives and how long before its expiry it is replaced, in seconds. */
export interface Lifetime {
  duration: number;
  renewBefore: number;
}

/** cert-manager's defaults (pkg/apis/certmanager/v1/const.go): 90 days, renewed when a third is left. */
const CERT_MANAGER_DEFAULT_DURATION = 2160 * 3600;
const CERT_MANAGER_DEFAULT_RENEW_SHARE = 1 / 3;

/** Seconds of a Go duration that is not negative; undefined otherwise. */
export function goSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseDuration(text, 'go');
  return seconds !== undefined && seconds >= 0 ? seconds : undefined;
}

/**
 * The lifetime cert-manager gives a Certificate, its defaults filled in (`renewBeforePercentage` included);
 * undefined when a field does not parse.
 */
export function certificateLifetime(certificate: ICertificate): Lifetime | undefined {
  const spec = certificate.spec;
  const duration = spec?.duration === undefined ? CERT_MANAGER_DEFAULT_DURATION : goSeconds(spec.duration);
  if (duration === undefined) return undefined;
  if (spec?.renewBefore !== undefined) {
    const renewBefore = goSeconds(spec.renewBefore);
    return renewBefore === undefined ? undefined : { duration, renewBefore };
  }
  const share =
    spec?.renewBeforePercentage !== undefined ? spec.renewBeforePercentage / 100 : CERT_MANAGER_DEFAULT_RENEW_SHARE;
  return { duration, renewBefore: duration * share };
}

/**
 * When the successive certificates of one lifetime expire, in seconds after the first is issued, up to `horizon`
 * (always at least the first), at most `limit` of them. Each is replaced `renewBefore` ahead and the replacement
 * lives `duration`, so the k-th expires at `duration + (k-1)·(duration − renewBefore)`; the expiries drift apart
 * from those of a CA with another period, and can meet those of a longer-lived one years later.
 */
export function expiries(lifetime: Lifetime, horizon: number, limit = Number.POSITIVE_INFINITY): number[] {
  const period = lifetime.duration - lifetime.renewBefore;
  const result = [lifetime.duration];
  if (period <= 0) return result;
  for (let at = lifetime.duration + period; at <= horizon && result.length < limit; at += period) result.push(at);
  return result;
}

/** How many certificates of one lifetime expire up to `horizon` (at least the first): {@link expiries} counted. */
export function expiryCount(lifetime: Lifetime, horizon: number): number {
  const period = lifetime.duration - lifetime.renewBefore;
  if (period <= 0 || horizon < lifetime.duration) return 1;
  return 1 + Math.floor((horizon - lifetime.duration) / period);
}
