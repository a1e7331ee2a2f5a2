import type { KindDefinition } from '@platform/core';
import { HTTP_PROXY_KIND } from './kinds/http-proxy.generated.js';
import { TLS_CERTIFICATE_DELEGATION_KIND } from './kinds/tls-certificate-delegation.generated.js';

export type { IHTTPProxy } from './kinds/http-proxy.generated.js';
export type { ITLSCertificateDelegation } from './kinds/tls-certificate-delegation.generated.js';

/** The Contour kinds this package renders, validated against the pinned CRDs' schemas. */
export const CONTOUR_KINDS: readonly KindDefinition[] = [HTTP_PROXY_KIND, TLS_CERTIFICATE_DELEGATION_KIND];
