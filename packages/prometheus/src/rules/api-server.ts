import { type AlertSpec, JOB } from './rule.js';

const api = `job="${JOB.apiServer}"`;

/** The API server: down, failing, slow. */
export const API_SERVER_ALERTS: AlertSpec[] = [
  {
    alert: 'KubeAPIDown',
    expr: `absent(up{${api}} == 1)`,
    for: '15m',
    severity: 'critical',
    summary: 'The API server cannot be scraped.',
    description: 'No API server answers Prometheus: controllers, Argo CD and every operator of the platform are blind.',
  },
  {
    alert: 'KubeAPIErrorsHigh',
    expr: `sum(rate(apiserver_request_total{${api}, code=~"5.."}[5m])) / sum(rate(apiserver_request_total{${api}}[5m])) > 0.03`,
    for: '10m',
    severity: 'warning',
    summary: 'The API server answers many requests with errors.',
    description: '{{ $value | humanizePercentage }} of API requests fail with 5xx.',
  },
  {
    alert: 'KubeAPIErrorsCritical',
    expr: `sum(rate(apiserver_request_total{${api}, code=~"5.."}[5m])) / sum(rate(apiserver_request_total{${api}}[5m])) > 0.1`,
    for: '5m',
    severity: 'critical',
    summary: 'The API server fails a tenth of its requests.',
    description: '{{ $value | humanizePercentage }} of API requests fail with 5xx: deployments and controllers stall.',
  },
  {
    alert: 'KubeAPILatencyHigh',
    expr: `histogram_quantile(0.99, sum by (le, verb) (rate(apiserver_request_sli_duration_seconds_bucket{${api}, verb!~"WATCH|CONNECT"}[5m]))) > 4`,
    for: '10m',
    severity: 'warning',
    summary: 'The API server is slow.',
    description: '{{ $labels.verb }} requests take {{ $value }}s at the 99th percentile.',
  },
];
