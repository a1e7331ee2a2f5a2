import type { KindDefinition } from '@platform/core';
import { ALERTMANAGER_KIND } from './kinds/alertmanager.generated.js';
import { PROMETHEUS_KIND } from './kinds/prometheus.generated.js';

export type { IAlertmanager } from './kinds/alertmanager.generated.js';
export type { IPrometheus } from './kinds/prometheus.generated.js';

/** The Prometheus-Operator kinds this library renders, validated against the v0.93.0 CRDs' schemas. */
export const PROMETHEUS_OPERATOR_KINDS: readonly KindDefinition[] = [PROMETHEUS_KIND, ALERTMANAGER_KIND];
