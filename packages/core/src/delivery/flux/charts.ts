import { standardLabels } from '../../k8s/labels.js';
import type { Environment } from '../../model/environment.js';
import type { BuiltComponent } from '../../model/rendered.js';
import type { DeliveryObject } from '../engine.js';
import type { IHelmRelease, IHelmRepository, IOCIRepository } from './kinds.js';
import { FLUX_CHARTS_FOLDER, fluxNamespace } from './names.js';

/** `https://charts.jetstack.io` → `charts-jetstack-io`: a source name per chart repository. */
function sourceName(repoURL: string): string {
  return repoURL
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 63);
}

/**
 * The source Flux fetches a chart component's chart from: the chart repository's HelmRepository, shared by every
 * chart of that repository, or an OCIRepository per `oci://` chart and version. Sources live in `_flux/`, which
 * the root Kustomization applies before any HelmRelease.
 */
export function chartSource(environment: Environment, component: BuiltComponent): IHelmRepository | IOCIRepository {
  const chart = component.helm!;
  const namespace = fluxNamespace(environment);
  const labels = { ...standardLabels('flux', 'delivery'), 'platform.dev/environment': environment.name };
  return chart.repoURL.startsWith('oci://')
    ? {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'OCIRepository',
        metadata: { name: sourceOf(chart), namespace, labels },
        spec: { interval: '1h', url: `${chart.repoURL}/${chart.chart}`, ref: { tag: chart.version } },
      }
    : {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: { name: sourceOf(chart), namespace, labels },
        spec: { interval: '1h', url: chart.repoURL },
      };
}

function sourceOf(chart: NonNullable<BuiltComponent['helm']>): string {
  return chart.repoURL.startsWith('oci://')
    ? sourceName(`${chart.repoURL}/${chart.chart}-${chart.version}`)
    : sourceName(chart.repoURL);
}

/**
 * A chart component as Flux installs it: a HelmRelease of its chart source ({@link chartSource}) with the same
 * typed values the Argo CD source carries, CRDs created and
 * replaced on install and upgrade (helm-controller api/v2 helmrelease_types.go:598-617 at v1.6.3), a few
 * remediation retries, drift detection that leaves alone the fields the component says controllers own, and the
 * namespace created by the install (the component's folder, applied after it, labels it).
 */
export function chartObjects(environment: Environment, component: BuiltComponent): DeliveryObject[] {
  const chart = component.helm!;
  const namespace = fluxNamespace(environment);
  const labels = {
    ...standardLabels('flux', 'delivery'),
    'platform.dev/environment': environment.name,
    'platform.dev/component': component.name,
  };
  const folder = `${FLUX_CHARTS_FOLDER}/${component.name}`;
  const oci = chart.repoURL.startsWith('oci://');
  const source = sourceOf(chart);
  const rules = component.sync.ignoreDifferences ?? [];
  // Flux ignores drift by JSON pointer only; fields named by jq paths (every webhook's caBundle) cannot be
  // ignored precisely, so such charts only warn about drift instead of reverting what controllers write.
  const precise = rules.every((rule) => (rule.jqPathExpressions ?? []).length === 0);
  const ignore = rules.flatMap((rule) =>
    (rule.jsonPointers ?? []).map((path) => ({
      paths: [path],
      target: {
        kind: rule.kind,
        ...(rule.group ? { group: rule.group } : {}),
        ...(rule.name ? { name: rule.name } : {}),
      },
    })),
  );
  const release: IHelmRelease = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: component.name, namespace, labels },
    spec: {
      interval: '30m',
      releaseName: chart.releaseName ?? component.name,
      targetNamespace: component.namespace,
      storageNamespace: component.namespace,
      ...(oci
        ? { chartRef: { kind: 'OCIRepository', name: source, namespace } }
        : {
            chart: {
              spec: {
                chart: chart.chart,
                version: chart.version,
                sourceRef: { kind: 'HelmRepository', name: source, namespace },
                interval: '1h',
              },
            },
          }),
      install: { crds: 'CreateReplace', createNamespace: true, remediation: { retries: 3 } },
      upgrade: { crds: 'CreateReplace', remediation: { retries: 3, remediateLastFailure: true } },
      driftDetection: { mode: precise ? 'enabled' : 'warn', ...(ignore.length > 0 ? { ignore } : {}) },
      values: chart.values as Record<string, unknown>,
    },
  };
  return [{ key: `${component.name}_helmrelease`, object: release, folder }];
}
