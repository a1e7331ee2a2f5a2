import { type AlertSpec, JOB } from './rule.js';

const WEEK = 7 * 24 * 3600;
const DAY = 24 * 3600;
const kubelet = `job="${JOB.kubelet}", metrics_path="/metrics"`;
const api = `job="${JOB.apiServer}"`;

/** Client certificate expiry seen by the API server (the 1st percentile of presented certificates' remaining life). */
function clientCertificates(seconds: number): string {
  return `apiserver_client_certificate_expiration_seconds_count{${api}} > 0\n  and on (job, instance) histogram_quantile(0.01, sum by (job, instance, le) (rate(apiserver_client_certificate_expiration_seconds_bucket{${api}}[5m]))) < ${seconds}`;
}

/**
 * The certificates Kubernetes itself runs on: kubelets' client and serving certificates and the client
 * certificates presented to the API server. cert-manager's certificates have their own alerts (`@platform/cert-manager`).
 */
export const CERTIFICATE_ALERTS: AlertSpec[] = [
  {
    alert: 'KubeClientCertificateExpiration',
    expr: clientCertificates(WEEK),
    for: '5m',
    severity: 'warning',
    summary: 'A client certificate used against the API server expires within a week.',
    description: 'A client of {{ $labels.instance }} presents a certificate that expires in less than 7 days.',
  },
  {
    alert: 'KubeClientCertificateExpirationCritical',
    expr: clientCertificates(DAY),
    for: '5m',
    severity: 'critical',
    summary: 'A client certificate used against the API server expires within a day.',
    description:
      'A client of {{ $labels.instance }} presents a certificate that expires in less than 24 hours; it is locked out then.',
  },
  {
    alert: 'KubeletClientCertificateExpiration',
    expr: `kubelet_certificate_manager_client_ttl_seconds{${kubelet}} < ${WEEK}`,
    for: '0s',
    severity: 'warning',
    summary: "A kubelet's client certificate expires within a week.",
    description:
      'The client certificate of kubelet {{ $labels.instance }} expires in {{ $value | humanizeDuration }}; rotation has not renewed it.',
  },
  {
    alert: 'KubeletServerCertificateExpiration',
    expr: `kubelet_certificate_manager_server_ttl_seconds{${kubelet}} < ${WEEK}`,
    for: '0s',
    severity: 'warning',
    summary: "A kubelet's serving certificate expires within a week.",
    description:
      'The serving certificate of kubelet {{ $labels.instance }} expires in {{ $value | humanizeDuration }}.',
  },
  {
    alert: 'KubeletClientCertificateRenewalErrors',
    expr: `increase(kubelet_certificate_manager_client_expiration_renew_errors{${kubelet}}[5m]) > 0`,
    for: '15m',
    severity: 'warning',
    summary: 'A kubelet fails to renew its client certificate.',
    description: 'Kubelet {{ $labels.instance }} failed {{ $value }} renewals of its client certificate in 5 minutes.',
  },
];
