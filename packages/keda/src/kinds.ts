import type { KindDefinition } from '@platform/core';
import { SCALED_OBJECT_KIND } from './kinds/scaled-object.generated.js';
import { TRIGGER_AUTHENTICATION_KIND } from './kinds/trigger-authentication.generated.js';

export type { IScaledObject } from './kinds/scaled-object.generated.js';
export type { ITriggerAuthentication } from './kinds/trigger-authentication.generated.js';

/**
 * The KEDA kinds components render through this library's helpers, validated against the v2.20.2 CRDs. Any
 * component that renders them declares them too (`kinds: KEDA_KINDS`), so it renders with or without this
 * component's definition in view; the renderer checks the declarations agree.
 */
export const KEDA_KINDS: readonly KindDefinition[] = [SCALED_OBJECT_KIND, TRIGGER_AUTHENTICATION_KIND];
