import type { ConfigChecks } from '@platform/core';
import type { KedaConfig, KedaPart } from './config.js';

const PARTS: KedaPart[] = ['operator', 'metricsServer', 'webhooks'];

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: KedaConfig, checks: ConfigChecks): void {
  for (const part of PARTS) {
    checks.integer(`replicas.${part}`, config.replicas[part], { min: 1 });
    checks.resources(`resources.${part}`, config.resources[part]);
  }
  if (config.awsRoleArn !== '')
    checks.require(
      /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(config.awsRoleArn),
      'awsRoleArn',
      `expected an IAM role ARN (arn:aws:iam::<account>:role/<name>), got ${JSON.stringify(config.awsRoleArn)}`,
    );
  config.scalerEgress.kafkaPorts.forEach((port, i) => {
    checks.integer(`scalerEgress.kafkaPorts[${i}]`, port, { min: 1, max: 65535 });
  });
}
