import { type Block, block, concat, expr } from './syntax.js';

/** The environment variable the DaemonSet sets to the node's name (downward API). */
export const NODE_NAME_ENV = 'K8S_NODE_NAME';

const nodeName = expr(`sys.env(${JSON.stringify(NODE_NAME_ENV)})`);

/**
 * Pods of this node only: a DaemonSet pod watching every pod of the cluster would multiply API server load
 * by the number of nodes, and it only reads its own node's log files anyway.
 */
export function nodePodsDiscovery(): Block {
  return block(
    'discovery.kubernetes',
    'pods',
    { role: 'pod' },
    block('selectors', undefined, { role: 'pod', field: concat('spec.nodeName=', nodeName) }),
  );
}

/** This node only, for its kubelet and cAdvisor. */
export function thisNodeDiscovery(): Block {
  return block(
    'discovery.kubernetes',
    'node',
    { role: 'node' },
    block('selectors', undefined, { role: 'node', field: concat('metadata.name=', nodeName) }),
  );
}

/** A relabel `rule` block. */
export function rule(attributes: {
  source_labels?: string[];
  separator?: string;
  regex?: string;
  target_label?: string;
  replacement?: string;
  action?: string;
}): Block {
  return block('rule', undefined, attributes);
}

/**
 * The Kubernetes labels logs and metrics of a pod carry, the same ones the kubernetes-mixin dashboards
 * query by: namespace, pod, container, node, and app (from `app.kubernetes.io/name`, else `app`).
 */
export function podLabelRules(): Block[] {
  return [
    rule({ source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' }),
    rule({ source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' }),
    rule({ source_labels: ['__meta_kubernetes_pod_container_name'], target_label: 'container' }),
    rule({ source_labels: ['__meta_kubernetes_pod_node_name'], target_label: 'node' }),
    rule({
      source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name', '__meta_kubernetes_pod_label_app'],
      separator: ';',
      regex: '^;*([^;]+)(;.*)?$',
      target_label: 'app',
      replacement: '$1',
    }),
  ];
}
