import { type AlertSpec, JOB } from './rule.js';

const dns = `job="${JOB.coreDns}"`;

/** Cluster DNS (CoreDNS, https://coredns.io/plugins/metrics): down, failing, slow. */
export const DNS_ALERTS: AlertSpec[] = [
  {
    alert: 'CoreDNSDown',
    expr: `absent(up{${dns}} == 1)`,
    for: '15m',
    severity: 'critical',
    summary: 'CoreDNS cannot be scraped.',
    description: 'No CoreDNS pod answers Prometheus; if DNS is down, every in-cluster connection by name fails.',
  },
  {
    alert: 'CoreDNSErrorsHigh',
    expr: `sum(rate(coredns_dns_responses_total{${dns}, rcode="SERVFAIL"}[5m])) / sum(rate(coredns_dns_responses_total{${dns}}[5m])) > 0.03`,
    for: '10m',
    severity: 'warning',
    summary: 'CoreDNS fails many queries.',
    description:
      '{{ $value | humanizePercentage }} of DNS queries end in SERVFAIL (often an unreachable upstream resolver).',
  },
  {
    alert: 'CoreDNSLatencyHigh',
    expr: `histogram_quantile(0.99, sum by (server, zone, le) (rate(coredns_dns_request_duration_seconds_bucket{${dns}}[5m]))) > 4`,
    for: '10m',
    severity: 'warning',
    summary: 'CoreDNS is slow.',
    description: 'Queries for {{ $labels.zone }} take {{ $value }}s at the 99th percentile.',
  },
];
