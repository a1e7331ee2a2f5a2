import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: goharbor/harbor-helm at tag v1.19.1 (Chart.yaml `version: 1.19.1`, `appVersion:
 * 2.15.1`), published at https://helm.goharbor.io (harbor-helm README.md:21).
 */
export const CHART = pinnedChart('https://helm.goharbor.io', chartFacts);

/** Helm release name; the chart's full name is then `harbor` (templates/_helpers.tpl:15-25). */
export const RELEASE_NAME = 'harbor';

/** Pod labels the chart puts on every part (`harbor.matchLabels`, templates/_helpers.tpl:52-55), plus `component`. */
export function partLabels(component: string): Record<string, string> {
  return { release: RELEASE_NAME, app: 'harbor', component };
}

/** The entry Service with the chart's nginx behind it (`expose.clusterIP.name`, templates/nginx/service.yaml:29-31). */
export const ENTRY_SERVICE = { name: 'harbor', port: 80, targetPort: 8080 } as const;

/** The API Service of core (`harbor-core`, port 80 to 8080 without internal TLS, templates/_helpers.tpl:373-388). */
export const CORE_SERVICE = { name: 'harbor-core', port: 80 } as const;

/** Redis database indexes Harbor's parts use (chart values.yaml `redis.external.*DatabaseIndex`). */
export const REDIS_DATABASES = { core: 0, jobservice: 1, registry: 2, trivy: 5 } as const;

/** User the registry authenticates Harbor's core as (chart values.yaml `registry.credentials.username`). */
export const REGISTRY_USER = 'harbor_registry_user';
