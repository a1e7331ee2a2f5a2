/**
 * Sync tiers, in the order a first sync brings them up. Every Application of a tier must be healthy
 * before the next tier's Applications are created.
 */
export const TIERS = ['crds', 'operators', 'platform', 'workloads'] as const;

/** One of {@link TIERS}. */
export type Tier = (typeof TIERS)[number];
