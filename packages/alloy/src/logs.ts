import { NODE_NAME_ENV, podLabelRules, rule } from './discovery.js';
import { type Block, block, type Expression, expr, ref } from './syntax.js';

/** Where the kubelet writes container logs (`<namespace>_<pod>_<uid>/<container>/<n>.log`), mounted from the host. */
export const POD_LOGS_DIR = '/var/log/pods';

/**
 * Container logs of the node's pods, read from files rather than through the API server
 * (`loki.source.kubernetes` would stream every log over the API and needs `pods/log`): discovered pods
 * become `__path__` globs, `loki.source.file` tails them, `loki.process` parses the CRI line format.
 */
export function podLogs(pods: Block, receivers: Expression[]): Block[] {
  const targets = block(
    'discovery.relabel',
    'pod_logs',
    { targets: ref(pods, 'targets') },
    ...podLabelRules(),
    rule({
      source_labels: ['__meta_kubernetes_namespace', '__meta_kubernetes_pod_container_name'],
      separator: '/',
      target_label: 'job',
    }),
    rule({
      source_labels: ['__meta_kubernetes_pod_uid', '__meta_kubernetes_pod_container_name'],
      separator: '/',
      target_label: '__path__',
      replacement: `${POD_LOGS_DIR}/*$1/*.log`,
    }),
  );
  const parse = block('loki.process', 'pod_logs', { forward_to: receivers }, block('stage.cri', undefined, {}));
  const tail = block(
    'loki.source.file',
    'pod_logs',
    { targets: ref(targets, 'output'), forward_to: [ref(parse, 'receiver')] },
    block('file_match', undefined, { enabled: true, sync_period: '10s' }),
  );
  return [targets, tail, parse];
}

/** The node's systemd journal (kubelet, container runtime, kernel), labelled by unit and priority. */
export function journalLogs(receivers: Expression[]): Block[] {
  const relabel = block(
    'loki.relabel',
    'journal',
    { forward_to: [] },
    rule({ source_labels: ['__journal__systemd_unit'], target_label: 'unit' }),
    rule({ source_labels: ['__journal_priority_keyword'], target_label: 'level' }),
    rule({ source_labels: ['__journal_syslog_identifier'], target_label: 'syslog_identifier' }),
  );
  const journal = block('loki.source.journal', 'node', {
    forward_to: receivers,
    relabel_rules: ref(relabel, 'rules'),
    labels: { job: 'node/journal', node: expr(`sys.env(${JSON.stringify(NODE_NAME_ENV)})`) },
  });
  return [relabel, journal];
}
