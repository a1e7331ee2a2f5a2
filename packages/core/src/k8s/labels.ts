/** Labels every object of the toolkit carries: who manages it, which component and which part. */
export function standardLabels(component: string, part?: string): Record<string, string> {
  return {
    'app.kubernetes.io/managed-by': 'platform',
    'app.kubernetes.io/part-of': component,
    ...(part ? { 'app.kubernetes.io/component': part } : {}),
  };
}

/**
 * The labels that select a workload's pods. Kept small and stable: selectors are immutable in Kubernetes,
 * so changing them forces a delete and re-create.
 */
export function selectorLabels(component: string, name: string): Record<string, string> {
  return { 'app.kubernetes.io/instance': component, 'app.kubernetes.io/name': name };
}
