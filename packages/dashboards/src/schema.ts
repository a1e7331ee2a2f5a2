/**
 * The Grafana dashboard JSON model the platform renders: the classic (v1) model of schema version 42, as built by
 * `@grafana/grafana-foundation-sdk` 0.0.21 (generated from Grafana v12.3.3's kinds/dashboard/dashboard_kind.cue;
 * `defaultDashboard().schemaVersion`). Grafana 13.2 loads it as it is: 42 is its latest v1 schema version
 * (apps/dashboard/pkg/migration/schemaversion/migrations.go `LATEST_VERSION`), so it migrates nothing.
 */
export const DASHBOARD_SCHEMA_VERSION = 42;

/** The SDK release the dashboards are built with (its package.json says `v0.0.21`). */
export const GRAFANA_SDK_VERSION = '0.0.21';
