import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta as IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';

export type { IObjectMeta };

/** Any Kubernetes object as plain data: the shape every typed kubernetes-models interface satisfies. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: IObjectMeta;
}

/**
 * The named objects of a component, like the visible fields of a Jsonnet library
 * (`distributor_deployment`, `distributor_service` ...). Names are the handles users override by.
 */
export type ObjectMap = { [name: string]: KubeObject };

/** `Kind/name`, the way problems and summaries refer to an object. */
export function objectRef(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.name ?? '<unnamed>'}`;
}

/** The API group of an object (`''` for the core group). */
export function apiGroup(object: { apiVersion: string }): string {
  const slash = object.apiVersion.indexOf('/');
  return slash === -1 ? '' : object.apiVersion.slice(0, slash);
}

/** Whether a value looks like a Kubernetes object: an object with string `apiVersion` and `kind`. */
export function isKubeObject(value: unknown): value is KubeObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KubeObject).apiVersion === 'string' &&
    typeof (value as KubeObject).kind === 'string'
  );
}
