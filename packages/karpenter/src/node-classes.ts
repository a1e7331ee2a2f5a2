import { type BuildContext, standardLabels } from '@platform/core';
import type { KarpenterConfig, NodeClassConfig } from './config.js';
import type { IEC2NodeClass } from './kinds.js';
import { nodeClasses } from './pools.js';

/** Karpenter's own tag for discovering a cluster's subnets and security groups. */
const DISCOVERY_TAG = 'karpenter.sh/discovery';

function orDiscovery(tags: Record<string, string>, clusterName: string): Record<string, string> {
  return Object.keys(tags).length > 0 ? tags : { [DISCOVERY_TAG]: clusterName };
}

/**
 * The volumes of a node, as Karpenter's defaults per AMI family lay them out (docs concepts/nodeclasses.md,
 * "spec.blockDeviceMappings"), with the configured size: AL2 and AL2023 keep everything on `/dev/xvda`;
 * Bottlerocket has a small root volume and keeps images and logs on `/dev/xvdb`.
 */
function blockDevices(value: NodeClassConfig): NonNullable<NonNullable<IEC2NodeClass['spec']>['blockDeviceMappings']> {
  const ebs = {
    volumeSize: value.rootVolumeSize,
    volumeType: 'gp3' as const,
    encrypted: true,
    deleteOnTermination: true,
  };
  if (!value.amiAlias.startsWith('bottlerocket@')) return [{ deviceName: '/dev/xvda', rootVolume: true, ebs }];
  return [
    { deviceName: '/dev/xvda', rootVolume: true, ebs: { ...ebs, volumeSize: '4Gi' } },
    { deviceName: '/dev/xvdb', ebs },
  ];
}

/**
 * One EC2NodeClass: the AMI by alias, subnets and security groups by tag, the nodes' IAM role, encrypted gp3
 * volumes, and IMDSv2 with a hop limit of 1 so that pods cannot use the node's role.
 */
function nodeClass(context: BuildContext<KarpenterConfig>, name: string, value: NodeClassConfig): IEC2NodeClass {
  const { clusterName } = context.config;
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name, labels: standardLabels(context.name, 'node-class') },
    spec: {
      role: value.role,
      amiSelectorTerms: [{ alias: value.amiAlias }],
      subnetSelectorTerms: [{ tags: orDiscovery(value.subnetTags, clusterName) }],
      securityGroupSelectorTerms: [{ tags: orDiscovery(value.securityGroupTags, clusterName) }],
      blockDeviceMappings: blockDevices(value),
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
      ...(Object.keys(value.tags).length > 0 ? { tags: value.tags } : {}),
    },
  };
}

/** Every node class, named `<name>_ec2nodeclass`. */
export function nodeClassObjects(context: BuildContext<KarpenterConfig>): Record<string, IEC2NodeClass> {
  return Object.fromEntries(
    nodeClasses(context.config).map(({ name, value }) => [
      `${name.replace(/-/g, '_')}_ec2nodeclass`,
      nodeClass(context, name, value),
    ]),
  );
}
