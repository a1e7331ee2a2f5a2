/** A port a rule opens: a number, a named container port, or either with a protocol. */
export type PortSpec = number | string | { port: number | string; protocol?: 'TCP' | 'UDP' };

/** Who may connect, or whom a pod may connect to. */
export type NetworkPeer =
  /** Pods of another component of the environment (skipped when that component is absent). */
  | { component: string; podLabels?: Record<string, string> }
  /** Pods of a namespace by name. */
  | { namespace: string; podLabels?: Record<string, string> }
  /** Pods of every namespace of the cluster (e.g. OTLP ingestion that any workload may use). */
  | { allNamespaces: true; podLabels?: Record<string, string> }
  /** Pods of this component's namespace with these labels. */
  | { podLabels: Record<string, string> }
  /** An address range outside the cluster. */
  | { cidr: string; except?: string[] };

/** Ingress into the component's pods. */
export interface IngressRule {
  /** Short name of the rule, used in the NetworkPolicy name (`allow-<name>`). */
  name: string;
  /** Sources; `'any'` allows every source (used for admission webhooks called by the API server). */
  from: NetworkPeer[] | 'any';
  ports: PortSpec[];
  /** Only these pods of the component receive the traffic. Default: all pods of the namespace. */
  podLabels?: Record<string, string>;
}

/** Egress from the component's pods. */
export interface EgressRule {
  name: string;
  /** Destinations; `'apiServer'` is the Kubernetes API, `'objectStorage'` the environment's S3 endpoint, `'any'` everywhere. */
  to: NetworkPeer[] | 'apiServer' | 'objectStorage' | 'any';
  /** Ports; default for `apiServer` 443 and 6443, for `objectStorage` the endpoint's port. */
  ports?: PortSpec[];
  podLabels?: Record<string, string>;
}

/** The network access a component's pods need beyond their own namespace and DNS. */
export interface NetworkAccess {
  ingress?: IngressRule[];
  egress?: EgressRule[];
}
