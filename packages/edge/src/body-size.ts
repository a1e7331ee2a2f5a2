/**
 * Bytes of a route's `maxBodySize`, written the way ingress-nginx's `proxy-body-size` and nginx's
 * `client_max_body_size` write it (the route model's example is `16m`): a whole number with an optional `k`, `m`
 * or `g` suffix, in powers of 1024. Undefined when the text is not one: a Kubernetes quantity such as `16Mi`
 * or `16M` is rejected rather than guessed, because `16m` means 0.016 as a quantity.
 */
export function bodySizeBytes(text: string): number | undefined {
  const match = /^([0-9]+)([kKmMgG]?)$/.exec(text);
  if (!match) return undefined;
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Number(match[1]) * factor;
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}
