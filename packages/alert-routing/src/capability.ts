import type { EndpointOwner } from '@platform/core';
import type { RoutingPlan } from './plan.js';

/** The environment's alert routing, as `alertRouting()` publishes it for the Alertmanagers that render it. */
export interface AlertRouting extends EndpointOwner {
  plan: RoutingPlan;
}

declare module '@platform/core' {
  interface Capabilities {
    alertRouting: AlertRouting;
  }
}
