import type { KindDefinition } from '@platform/core';
import { GATEWAY_KIND } from './kinds/gateway.generated.js';
import { HTTP_ROUTE_KIND } from './kinds/http-route.generated.js';

export type { IGateway } from './kinds/gateway.generated.js';
export type { IHTTPRoute } from './kinds/http-route.generated.js';

/** The Gateway API kinds this package renders, validated against the pinned standard-channel CRDs' schemas. */
export const GATEWAY_API_KINDS: readonly KindDefinition[] = [GATEWAY_KIND, HTTP_ROUTE_KIND];
