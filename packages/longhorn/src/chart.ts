import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: longhorn/longhorn `chart/` at tag v1.12.1 (Chart.yaml `version: 1.12.1`,
 * `appVersion: v1.12.1`), published at https://charts.longhorn.io (the repository Longhorn's Argo CD guide
 * installs from, website content/docs/1.12.1/deploy/install/install-with-argocd.md:49-50).
 */
export const CHART = pinnedChart('https://charts.longhorn.io', chartFacts);

/** Helm release name. The chart names its objects `longhorn-*` whatever the release is called. */
export const RELEASE_NAME = 'longhorn';

/** The CSI driver every Longhorn StorageClass provisions with (chart templates/storageclass.yaml:19). */
export const PROVISIONER = 'driver.longhorn.io';

/** Registry every image of the chart comes from (Docker Hub `longhornio/*`, values.yaml `image.*.repository`). */
export const DEFAULT_IMAGE_REGISTRY = 'docker.io';

/**
 * Pod labels the NetworkPolicies select, as longhorn-manager v1.12.1 sets them: the manager's admission webhook
 * (the label its Service selects, chart templates/services.yaml:11) and the RWX share managers
 * (`longhorn.io/component: share-manager`, types/types.go:601-603).
 */
export const POD_LABELS = {
  admissionWebhook: { 'longhorn.io/admission-webhook': 'longhorn-admission-webhook' },
  shareManager: { 'longhorn.io/component': 'share-manager' },
} as const;

/** Port of the manager's admission webhook (`admission-wh`, chart templates/daemonset-sa.yaml:54-55). */
export const WEBHOOK_PORT = 9502;

/** NFS port of a share manager, which serves RWX volumes to the nodes (controller/share_manager_controller.go:1429). */
export const NFS_PORT = 2049;
