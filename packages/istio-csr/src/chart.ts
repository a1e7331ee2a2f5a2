import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * cert-manager's istio-csr chart, pinned. Published to the Jetstack Helm repository with the release tag as chart
 * version (`v0.17.0`; make/00_mod.mk `helm_chart_version := $(VERSION)`); its source Chart.yaml carries a placeholder.
 */
export const CHART = pinnedChart('https://charts.jetstack.io', chartFacts);

/** Helm release name. The chart names its objects after the chart (`cert-manager-istio-csr`), not the release. */
export const RELEASE_NAME = 'istio-csr';
/** Name of the chart's Deployment and Service (`cert-manager-istio-csr.name`). */
export const APP_NAME = 'cert-manager-istio-csr';
/** The label the chart selects its pods by. */
export const POD_LABELS = { app: APP_NAME } as const;
/** The gRPC port istio-csr serves CSRs on (`app.server.serving.port`); the Service exposes it on 443 (`service.port`). */
export const SERVING_PORT = 6443;
export const SERVICE_PORT = 443;
/** Registry the chart pulls from by default (`imageRegistry`). */
export const DEFAULT_IMAGE_REGISTRY = 'quay.io';
/** The Secret istio-csr's chart has cert-manager write istiod's serving certificate into (templates/certificate.yaml). */
export const ISTIOD_TLS_SECRET = 'istiod-tls';
/** The ConfigMap istio-csr writes the root into in every namespace, key `root-cert.pem` (pkg/controller/configmap.go:46, :231). */
export const ROOT_CONFIGMAP = 'istio-ca-root-cert';
