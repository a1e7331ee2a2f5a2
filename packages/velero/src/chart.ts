import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: vmware-tanzu/helm-charts `charts/velero` at tag velero-12.1.0 (Chart.yaml
 * `version: 12.1.0`, `appVersion: 1.18.1`), published at https://vmware-tanzu.github.io/helm-charts (README.md:14).
 */
export const CHART = pinnedChart('https://vmware-tanzu.github.io/helm-charts', chartFacts);

/** Helm release name; with it the chart names the Deployment, Service and ServiceAccount `velero`. */
export const RELEASE_NAME = 'velero';

/** Velero server and node-agent image (chart values.yaml `image`, the chart's appVersion). */
export const VELERO_IMAGE = { repository: 'docker.io/velero/velero', tag: 'v1.18.1' } as const;

/**
 * The AWS object-store plugin, copied into the server by an init container: v1.14.x is the line for Velero
 * 1.18.x (velero-plugin-for-aws README.md:20-22 at v1.14.2); its image runs as 65532 (Dockerfile:36).
 */
export const AWS_PLUGIN_IMAGE = 'docker.io/velero/velero-plugin-for-aws:v1.14.2';

/**
 * User and group of the Velero image: `cnb:cnb` (velero Dockerfile:84), uid 1002 and gid 1000 in its
 * paketobuildpacks/run-jammy-tiny base (jammy-tiny-stack stack/stack.toml `[run]`). Named, so the kubelet could
 * not check `runAsNonRoot` without the numbers.
 */
export const VELERO_USER = { uid: 1002, gid: 1000 } as const;

/** Name of the BackupStorageLocation every Schedule writes to. */
export const STORAGE_LOCATION = 'default';
