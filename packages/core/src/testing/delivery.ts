import type { IApplicationSet } from '../delivery/argocd/kinds.js';
import type { KubeObject } from '../model/objects.js';
import type { RenderedEnvironment } from '../model/rendered.js';

/** What the delivery ApplicationSets pass per component to the Application template. */
export interface ApplicationSetElement {
  component: string;
  namespace: string;
  tier: string;
  wave: string;
  path: string;
  sources: Array<{
    repoURL: string;
    chart?: string;
    targetRevision: string;
    path?: string;
    // biome-ignore lint/suspicious/noExplicitAny: chart values are read as loose data in assertions.
    helm?: { releaseName: string; valuesObject: Record<string, any> };
  }>;
  syncOptions: string[];
  ignoreDifferences?: Array<{ group: string; kind: string; name: string; jqPathExpressions: string[] }>;
}

/** The delivery objects (`_argocd`) of a kind. */
export function deliveryObjects<T extends KubeObject>(rendered: RenderedEnvironment, kind: string): T[] {
  return rendered.objects.filter((o) => o.component === '_argocd' && o.object.kind === kind).map((o) => o.object as T);
}

/** The ApplicationSet list element that generates a component's Application: its chart and rendered sources, sync options. */
export function applicationSetElement(rendered: RenderedEnvironment, component: string): ApplicationSetElement {
  const elements = deliveryObjects<IApplicationSet>(rendered, 'ApplicationSet').flatMap(
    (set) => (set.spec.generators[0]!.list!.elements ?? []) as unknown as ApplicationSetElement[],
  );
  const found = elements.find((e) => e.component === component);
  if (!found) throw new Error(`no ApplicationSet element for ${component}`);
  return found;
}
