import type { AlloyConfig } from './config.js';
import { podLabelRules, rule } from './discovery.js';
import { type Block, block, type Expression, ref } from './syntax.js';

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The scrape of one endpoint of the local kubelet, authenticated with Alloy's ServiceAccount token. */
function kubeletScrape(
  label: string,
  targets: Expression,
  metricsPath: string,
  config: AlloyConfig,
  receivers: Expression[],
): Block {
  return block(
    'prometheus.scrape',
    label,
    {
      targets,
      forward_to: receivers,
      job_name: 'kubelet',
      scheme: 'https',
      metrics_path: metricsPath,
      scrape_interval: config.metrics.scrapeInterval,
      bearer_token_file: `${SERVICE_ACCOUNT_DIR}/token`,
    },
    block('tls_config', undefined, {
      ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt`,
      insecure_skip_verify: config.metrics.kubeletInsecureSkipVerify,
    }),
  );
}

/**
 * The local kubelet and its cAdvisor, labelled as the kubernetes-mixin expects (`job="kubelet"`,
 * `metrics_path`). Each DaemonSet pod scrapes only its own node, so no clustering is needed.
 */
export function kubeletMetrics(node: Block, config: AlloyConfig, receivers: Expression[]): Block[] {
  const blocks: Block[] = [];
  for (const [enabled, label, path] of [
    [config.metrics.kubelet, 'kubelet', '/metrics'],
    [config.metrics.cadvisor, 'cadvisor', '/metrics/cadvisor'],
  ] as const) {
    if (!enabled) continue;
    const targets = block(
      'discovery.relabel',
      label,
      { targets: ref(node, 'targets') },
      rule({ target_label: 'metrics_path', replacement: path }),
    );
    blocks.push(targets, kubeletScrape(label, ref(targets, 'output'), path, config, receivers));
  }
  return blocks;
}

/** Running pods of the node that opt in with `prometheus.io/scrape: "true"`. */
export function annotatedPodMetrics(pods: Block, config: AlloyConfig, receivers: Expression[]): Block[] {
  const targets = block(
    'discovery.relabel',
    'annotated_pods',
    { targets: ref(pods, 'targets') },
    rule({ source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'], regex: 'true', action: 'keep' }),
    rule({ source_labels: ['__meta_kubernetes_pod_phase'], regex: 'Pending|Succeeded|Failed|Unknown', action: 'drop' }),
    rule({ source_labels: ['__meta_kubernetes_pod_container_init'], regex: 'true', action: 'drop' }),
    rule({
      source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scheme'],
      regex: '(https?)',
      target_label: '__scheme__',
    }),
    rule({
      source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_path'],
      regex: '(.+)',
      target_label: '__metrics_path__',
    }),
    rule({
      source_labels: ['__address__', '__meta_kubernetes_pod_annotation_prometheus_io_port'],
      regex: '(.+?)(?::\\d+)?;(\\d+)',
      replacement: '$1:$2',
      target_label: '__address__',
    }),
    ...podLabelRules(),
    rule({
      source_labels: ['__meta_kubernetes_namespace', '__meta_kubernetes_pod_container_name'],
      separator: '/',
      target_label: 'job',
    }),
  );
  const scrape = block('prometheus.scrape', 'annotated_pods', {
    targets: ref(targets, 'output'),
    forward_to: receivers,
    scrape_interval: config.metrics.scrapeInterval,
  });
  return [targets, scrape];
}

/**
 * Every ServiceMonitor and PodMonitor of the cluster. Their targets are cluster-wide, so the DaemonSet's
 * pods form an Alloy cluster and share them out (`clustering`), each target scraped once.
 */
export function operatorMetrics(receivers: Expression[]): Block[] {
  const clustering = block('clustering', undefined, { enabled: true });
  return [
    block(
      'prometheus.operator.servicemonitors',
      'cluster',
      { forward_to: receivers, kubernetes_role: 'endpointslice' },
      clustering,
    ),
    block('prometheus.operator.podmonitors', 'cluster', { forward_to: receivers }, clustering),
  ];
}
