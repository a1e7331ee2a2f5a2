import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: Karpenter's AWS provider publishes each release as an OCI chart with the release
 * version (hack/release/common.sh:99-115 at v1.14.1 sets it and pushes to public.ecr.aws/karpenter). Its
 * controller image tag and digest are written into values.yaml by the same release (:80-82), so the chart's
 * default image is the release's own and is not set here.
 */
export const CHART = pinnedChart('oci://public.ecr.aws/karpenter', chartFacts);

/** Helm release name; the chart names the Deployment, ServiceAccount and Service after it. */
export const RELEASE_NAME = 'karpenter';

/** The controller image repository the chart pulls (values.yaml `controller.image.repository`). */
export const CONTROLLER_IMAGE = 'public.ecr.aws/karpenter/controller';

/** The controller's pod labels (chart `karpenter.selectorLabels`: name and instance). */
export const CONTROLLER_POD_LABELS = {
  'app.kubernetes.io/name': 'karpenter',
  'app.kubernetes.io/instance': RELEASE_NAME,
};

/** Node label telling the platform's node classes apart, set by each pool's template (see `nodeCapacity`). */
export const CAPACITY_LABEL = 'node.platform.dev/capacity';
