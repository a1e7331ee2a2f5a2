import type { KindDefinition } from '@platform/core';
import { EC2_NODE_CLASS_KIND } from './kinds/ec2-node-class.generated.js';
import { NODE_POOL_KIND } from './kinds/node-pool.generated.js';

export type { IEC2NodeClass } from './kinds/ec2-node-class.generated.js';
export type { INodePool } from './kinds/node-pool.generated.js';

/** The Karpenter kinds this library renders, validated against the v1.14.1 CRDs' schemas. */
export const KARPENTER_KINDS: readonly KindDefinition[] = [NODE_POOL_KIND, EC2_NODE_CLASS_KIND];
