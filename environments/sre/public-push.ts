import { type AddRoutesContext, endpointTarget, type Route } from '@platform/core';

/** Which push endpoint of a store a route publishes. */
export interface PublicPush {
  /** Route name, unique in the component. */
  name: string;
  /** The store capability and the address field of it to publish, e.g. `metricsStore` / `remoteWriteUrl`. */
  capability: 'metricsStore' | 'logsStore';
  field: 'remoteWriteUrl' | 'pushUrl';
  /** The public URL, e.g. `https://mimir-push.sre.example.com/api/v1/push`: host and path of the route. */
  publicUrl: string;
  /** Secret holding the htpasswd users allowed to push (delivered by an ExternalSecret, never rendered). */
  authSecret: string;
}

/**
 * A route that serves exactly the push path of a store's in-cluster endpoint on a public host, with basic auth
 * at the edge: the backend Service, its port and its pods all come from the endpoint the store publishes, so
 * the route and the NetworkPolicy core derives from it follow the store.
 */
export function publicPushRoute(push: PublicPush) {
  return ({ provided }: AddRoutesContext): Route[] => {
    const endpoint = [provided[push.capability]].flat()[0] as Record<string, unknown> | undefined;
    if (!endpoint) throw new Error(`the component provides no ${push.capability}`);
    const internal = new URL(endpoint[push.field] as string);
    const external = new URL(push.publicUrl);
    if (internal.pathname !== external.pathname)
      throw new Error(`public path ${external.pathname} differs from the store's push path ${internal.pathname}`);
    const target = endpointTarget(endpoint as never, push.field as never)!;
    return [
      {
        name: push.name,
        host: external.hostname,
        paths: [{ path: external.pathname, match: 'exact' }],
        backend: { service: target.service, port: target.port, targetPort: target.port, pods: target.podLabels },
        auth: { type: 'basic', secret: push.authSecret, realm: 'SRE push' },
        // Remote-write and push batches, compressed.
        maxBodySize: '16m',
      },
    ];
  };
}
