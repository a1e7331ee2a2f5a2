/** @platform/dashboards: Grafana dashboards as typed code, shipped by libraries through the `dashboards` capability. */
export * from './dashboard.js';
