import type { KindDefinition } from '@platform/core';
import { INGRESS_ROUTE_KIND } from './kinds/ingress-route.generated.js';
import { MIDDLEWARE_KIND } from './kinds/middleware.generated.js';
import { TLS_STORE_KIND } from './kinds/tls-store.generated.js';

export type { IIngressRoute } from './kinds/ingress-route.generated.js';
export type { IMiddleware } from './kinds/middleware.generated.js';
export type { ITLSStore } from './kinds/tls-store.generated.js';

/** The Traefik kinds this package renders, validated against the pinned CRDs' schemas. */
export const TRAEFIK_KINDS: readonly KindDefinition[] = [INGRESS_ROUTE_KIND, MIDDLEWARE_KIND, TLS_STORE_KIND];
