import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { IMAGE_REPOSITORY } from './chart.js';
import type { ExternalDnsConfig, ResourceRequirements } from './config.js';
import { providerCredential } from './credentials.js';
import type { DnsProviderConfig } from './providers.js';

type EnvVar =
  | { name: string; value: string }
  | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } };

/**
 * The subset of the external-dns 1.21.1 chart values this package sets (`charts/external-dns/values.yaml`).
 * Security contexts are the chart's: non-root 65532, RuntimeDefault seccomp, read-only root file system, no
 * privilege escalation, every capability dropped, which Pod Security "restricted" admits.
 */
export interface ExternalDnsValues {
  image?: { repository: string };
  /** IRSA: the role the pod assumes, as an annotation of its ServiceAccount. */
  serviceAccount: { annotations: Record<string, string> };
  /** The provider's region, and its credential from the delivered Secret (never a value). */
  env: EnvVar[];
  provider: { name: 'aws' | 'cloudflare' | 'rfc2136' };
  sources: string[];
  policy: 'sync' | 'upsert-only';
  registry: 'txt';
  txtOwnerId: string;
  domainFilters: string[];
  interval: string;
  /** Also reconcile when a source changes, not only every `interval`. */
  triggerLoopOnEvent: boolean;
  logLevel: 'debug' | 'info' | 'warning' | 'error';
  logFormat: 'json';
  resources: ResourceRequirements;
  serviceMonitor: { enabled: boolean };
  /** Provider flags (`--<key>=<value>`, v0.21.0 `pkg/apis/externaldns/types.go`). */
  extraArgs: Record<string, string | boolean | string[]>;
}

/** Provider flags and environment: flags of v0.21.0 `pkg/apis/externaldns/types.go` (lines 594, 619, 670-677). */
function providerSettings(provider: DnsProviderConfig): {
  name: ExternalDnsValues['provider']['name'];
  args: ExternalDnsValues['extraArgs'];
  env: EnvVar[];
} {
  const credential = providerCredential(provider);
  const fromSecret = (name: string): EnvVar => ({
    name,
    valueFrom: { secretKeyRef: { name: credential!.secret, key: credential!.key } },
  });
  switch (provider.type) {
    case 'route53':
      return {
        name: 'aws',
        args: {
          'aws-zone-type': 'public',
          ...(provider.hostedZoneIds?.length ? { 'zone-id-filter': provider.hostedZoneIds } : {}),
        },
        env: [{ name: 'AWS_REGION', value: provider.region }],
      };
    case 'cloudflare':
      // The token's variable (`provider/cloudflare/cloudflare.go:53`).
      return {
        name: 'cloudflare',
        args: { 'cloudflare-proxied': provider.proxied ?? false },
        env: [fromSecret('CF_API_TOKEN')],
      };
    case 'rfc2136': {
      const [host, port] = provider.nameserver.split(/:(?=\d+$)/);
      return {
        name: 'rfc2136',
        args: {
          'rfc2136-host': host!,
          'rfc2136-port': port!,
          'rfc2136-zone': [provider.zone],
          'rfc2136-tsig-keyname': provider.tsig.keyName,
          'rfc2136-tsig-secret-alg': provider.tsig.algorithm,
          'rfc2136-tsig-axfr': true,
        },
        // Every flag can be given as EXTERNAL_DNS_<FLAG> (`pkg/apis/externaldns/types.go:754`), so the secret stays out of the arguments.
        env: [fromSecret('EXTERNAL_DNS_RFC2136_TSIG_SECRET')],
      };
    }
  }
}

/** The chart values of an external-dns instance, with `extraValues` deep-merged last. */
export function chartValues(context: BuildContext<ExternalDnsConfig>, sources: string[]): ExternalDnsValues {
  const { config, environment } = context;
  const provider = config.provider!;
  const settings = providerSettings(provider);
  const mirror = environment.settings.imageRegistryMirror;
  const values: ExternalDnsValues = {
    ...(mirror ? { image: { repository: mirroredImage(IMAGE_REPOSITORY, mirror) } } : {}),
    serviceAccount: {
      annotations:
        provider.type === 'route53' && provider.auth.type === 'irsa'
          ? { 'eks.amazonaws.com/role-arn': provider.auth.roleArn }
          : {},
    },
    env: settings.env,
    provider: { name: settings.name },
    sources,
    policy: config.policy,
    registry: 'txt',
    txtOwnerId: config.ownerId ?? `${environment.name}-${environment.cluster.name}`,
    domainFilters: config.domains.length > 0 ? [...config.domains] : [environment.settings.baseDomain],
    interval: config.interval,
    triggerLoopOnEvent: true,
    logLevel: config.logLevel === 'warn' ? 'warning' : config.logLevel,
    logFormat: 'json',
    resources: config.resources,
    serviceMonitor: { enabled: environment.settings.serviceMonitors },
    extraArgs: settings.args,
  };
  return applyPatch<ExternalDnsValues>(values, config.extraValues as Patch<ExternalDnsValues>);
}
