/**
 * What every AWS environment builds the same way: IAM role ARNs (the roles are created outside the cluster, with
 * Terraform) and the edge: an internet-facing NLB in front of Traefik, and Route53 through IRSA for both
 * external-dns's records and cert-manager's DNS-01 challenges (one provider value, so that records and challenges
 * go to the same zones).
 */
export function awsAccount(account: string, cluster: string) {
  const role = (name: string) => `arn:aws:iam::${account}:role/${name}`;
  return {
    /** The ARN of one of the account's IAM roles. */
    role,
    loadBalancer: {
      provider: {
        type: 'aws-nlb' as const,
        scheme: 'internet-facing' as const,
        targetType: 'ip' as const,
        crossZone: true,
      },
    },
    dns: {
      type: 'route53' as const,
      region: 'eu-west-1',
      auth: { type: 'irsa' as const, roleArn: role(`dns-${cluster}`) },
    },
  };
}
