/**
 * @platform/istio: Istio from its upstream charts, installed by Argo CD with typed values. `istioBase` (CRDs,
 * tier `crds`) and `istiod` (control plane, tier `operators`) share `istio-system`; `istio()` returns both.
 */
import type { DeepPartial } from '@platform/core';
import { istioBase } from './base.js';
import type { IstioBaseConfig, IstiodConfig } from './config.js';
import { istiod } from './istiod.js';

export { istioBase } from './base.js';
export { BASE_CHART, ISTIO_NAMESPACE, ISTIO_VERSION, ISTIOD_CHART, ISTIOD_PORTS } from './chart.js';
export type {
  AccessLogEncoding,
  IstioBaseConfig,
  IstiodConfig,
  MeshSettings,
  MtlsMode,
  OutboundTrafficPolicy,
  ResourceRequirements,
} from './config.js';
export { ACCESS_LOG_ENCODINGS, baseDefaults, istiodDefaults, MTLS_MODES, OUTBOUND_TRAFFIC_POLICIES } from './config.js';
export { istiod } from './istiod.js';
export type { IPeerAuthentication } from './kinds.js';
export { ISTIO_KINDS } from './kinds.js';
export { istioRules, unmeshedCallersRule } from './rules.js';
export type { BaseValues, IstiodValues } from './values.js';

/** Configuration of both Istio components. */
export interface IstioConfig {
  base?: DeepPartial<IstioBaseConfig>;
  istiod?: DeepPartial<IstiodConfig>;
}

/**
 * Both Istio components, in sync order: `components: [...istio({ istiod: { autoscale: { max: 10 } } }), ...]`.
 */
export function istio(config: IstioConfig = {}): [ReturnType<typeof istioBase>, ReturnType<typeof istiod>] {
  return [istioBase(config.base), istiod(config.istiod)];
}
