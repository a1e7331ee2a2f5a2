import type { ResourceRequirements } from '@platform/core';
import type { DnsSource } from '@platform/edge';
import type { DnsProviderConfig } from './providers.js';

export type { ResourceRequirements };

/** Where this package's runbooks are (its README). */
export const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/external-dns/README.md';

/** Configuration of `@platform/external-dns`. */
export interface ExternalDnsConfig {
  /** The DNS provider. No default: every environment names its own. */
  provider: DnsProviderConfig | undefined;
  /** Domains external-dns may touch (`--domain-filter`). Default `[]`: the environment's base domain. */
  domains: string[];
  /**
   * `sync` deletes records whose source is gone; `upsert-only` only creates and updates (a removed route leaves
   * its record behind). Default `upsert-only`.
   */
  policy: 'sync' | 'upsert-only';
  /**
   * Owner id in the TXT registry: external-dns touches only records whose TXT companion carries it, so two
   * clusters sharing a zone never fight over records. Default `<environment>-<cluster>`.
   */
  ownerId?: string;
  /** Sources besides the edge's (which come from `edgeController`), e.g. `crd` for DNSEndpoints. Default `[]`. */
  extraSources: DnsSource[];
  /** How often to reconcile, a Go duration; changes of sources also trigger a run. Default `1m`. */
  interval: string;
  /** Log level. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Container resources. Default 20m/64Mi, memory limit 128Mi. */
  resources: ResourceRequirements;
  /** Alerts (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Where the runbooks are: `runbook_url` is this plus `#<alert>`. Default this package's README. */
    runbookUrl: string;
    /** Warn when the last successful sync is older than this many minutes. Default 15. */
    staleSyncMinutes: number;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: ExternalDnsConfig = {
  provider: undefined,
  domains: [],
  policy: 'upsert-only',
  ownerId: undefined,
  extraSources: [],
  interval: '1m',
  logLevel: 'info',
  resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: undefined, memory: '128Mi' } },
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL, staleSyncMinutes: 15 },
  extraValues: {},
};
