import { argocdDashboard } from './argocd.js';
import { certificatesDashboard } from './certificates.js';
import { componentHealthDashboard } from './component-health.js';
import { kubernetesResourcesDashboard } from './kubernetes-resources.js';

/**
 * The dashboards of the platform itself, by file name: resource usage against requests per namespace and
 * workload, Argo CD sync health per Application, certificate expiry and the health of every component. Grafana
 * ships them in its own folder.
 */
export function platformDashboards(): Record<string, Record<string, unknown>> {
  return {
    'platform-argocd-applications.json': argocdDashboard(),
    'platform-certificates.json': certificatesDashboard(),
    'platform-components.json': componentHealthDashboard(),
    'platform-kubernetes-resources.json': kubernetesResourcesDashboard(),
  };
}
