import type { ServiceEndpoint } from '@platform/core';

/** What a StoreAPI server is: which data it serves a Thanos Query. */
export type StoreApiRole = 'store-gateway' | 'query' | 'ruler';

/**
 * A Thanos StoreAPI (gRPC) server of the environment that a Thanos Query fans out to: the store gateway (blocks
 * in object storage), a Prometheus' own Query (its sidecars' recent data), a Ruler.
 */
export interface ThanosStoreApi extends ServiceEndpoint<'grpcAddress'> {
  /** `host:port` of the gRPC Service. */
  grpcAddress: string;
  role: StoreApiRole;
}

declare module '@platform/core' {
  interface Capabilities {
    thanosStoreApi: ThanosStoreApi;
  }
}
