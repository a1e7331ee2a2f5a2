/** Configuration of `@platform/prometheus-operator-crds`. */
export interface PrometheusOperatorCrdsConfig {
  /**
   * Install the CRDs of the kinds that only a Prometheus-Operator deployment uses (Prometheus, Alertmanager,
   * ThanosRuler, PrometheusAgent, AlertmanagerConfig, Probe, ScrapeConfig). ServiceMonitor, PodMonitor and
   * PrometheusRule, which every component of the platform renders, are always installed. Default true: they are
   * small, and an operator added later finds them in place.
   */
  operatorKinds: boolean;
}

export const defaults: PrometheusOperatorCrdsConfig = {
  operatorKinds: true,
};
