/** Kubernetes name grammars (apimachinery's validation), implemented once. */

/** A DNS-1123 label: lower-case letters, digits and `-`, starting and ending alphanumeric, at most 63 characters. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A label value: at most 63 characters, alphanumeric at both ends, `-`, `_` and `.` inside. */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Whether `value` is a DNS-1123 label. */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** Whether `value` is a DNS-1123 subdomain. */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** Whether `value` is a fully qualified host name made of DNS labels (`grafana.prod.example.com`), lower-case. */
export function isHostName(value: string): boolean {
  return isDnsSubdomain(value) && value.split('.').every((label) => label.length <= 63);
}
