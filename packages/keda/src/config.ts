import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Where the runbooks of the alerts live: this package's README in the platform repository. */
export const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/keda/README.md';

/** The three parts of KEDA the chart runs. */
export type KedaPart = 'operator' | 'metricsServer' | 'webhooks';

/** Configuration of `@platform/keda`. Every field has a documented default. */
export interface KedaConfig {
  /**
   * Replicas per part. The operator and the metrics server elect a leader (extra replicas only shorten a
   * failover, chart values.yaml); two of each keep scaling working through a node drain. Default 2 each.
   */
  replicas: Record<KedaPart, number>;
  /** Container resources per part. Default 100m / 128Mi (limit 1Gi) each. */
  resources: Record<KedaPart, ResourceRequirements>;
  /** Operator log level. Default `info`. */
  logLevel: 'debug' | 'info' | 'error';
  /**
   * The AWS identity of the operator, which queries scalers such as SQS for every ScaledObject whose
   * TriggerAuthentication uses `podIdentity: { provider: 'aws', identityOwner: 'keda' }`: an IAM role for IRSA
   * (chart `podIdentity.aws.irsa`), or empty for none / EKS Pod Identity. Default empty.
   */
  awsRoleArn: string;
  /** Where the operator may connect to query scalers, besides the environment's metrics store (always derived). */
  scalerEgress: {
    /** AWS APIs (SQS, CloudWatch) over HTTPS. Default false. */
    aws: boolean;
    /** Kafka brokers: their ports (outside the cluster or in it). Default none. */
    kafkaPorts: number[];
  };
  /** Alerts (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Where the runbooks are: `runbook_url` is this plus `#<alert>`. Default this package's README. */
    runbookUrl: string;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

const part: ResourceRequirements = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: undefined, memory: '1Gi' },
};

export const defaults: KedaConfig = {
  replicas: { operator: 2, metricsServer: 2, webhooks: 2 },
  resources: { operator: part, metricsServer: part, webhooks: part },
  logLevel: 'info',
  awsRoleArn: '',
  scalerEgress: { aws: false, kafkaPorts: [] },
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL },
  extraValues: {},
};
