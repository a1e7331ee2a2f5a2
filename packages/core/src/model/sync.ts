/** One field the delivery engine must not diff (Argo CD `ignoreDifferences`). */
export interface IgnoreDifference {
  group?: string;
  kind: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
  jqPathExpressions?: string[];
  managedFieldsManagers?: string[];
}

/** How the delivery engine applies a component. */
export interface SyncSettings {
  /** Apply every object of the component server-side. Large objects get it per object anyway. */
  serverSideApply?: boolean;
  /** Extra Argo CD sync options, e.g. `RespectIgnoreDifferences=true`. */
  syncOptions?: string[];
  /** Fields the engine must not diff (webhook caBundles, replicas owned by an autoscaler ...). */
  ignoreDifferences?: IgnoreDifference[];
}

/** Merges sync settings: later ones win for `serverSideApply`, lists concatenate. */
export function mergeSync(...layers: Array<SyncSettings | undefined>): SyncSettings {
  let serverSideApply: boolean | undefined;
  const syncOptions: string[] = [];
  const ignoreDifferences: IgnoreDifference[] = [];
  for (const layer of layers) {
    if (!layer) continue;
    serverSideApply = layer.serverSideApply ?? serverSideApply;
    syncOptions.push(...(layer.syncOptions ?? []));
    ignoreDifferences.push(...(layer.ignoreDifferences ?? []));
  }
  return { serverSideApply, syncOptions, ignoreDifferences };
}
