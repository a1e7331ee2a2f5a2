import { apiGroup, type IService, type IStatefulSet, type PolicyRule, type RenderedEnvironment } from '@platform/core';
import {
  describeContainer,
  type Inventory,
  inventoryOf,
  locatedContainers,
  type PodWorkload,
  workloadFinding,
} from '../inventory.js';
import { describeSelector, selectsByMap } from '../selectors.js';

/** Objects a pod can reference by name. */
type ReferencedKind = 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim';

interface Reference {
  kind: ReferencedKind;
  name: string;
  path: string;
  /** Who references it, for messages: `volume "config"`, `container "web"`. */
  from: string;
}

/** Objects Kubernetes creates in every namespace by itself. */
const IMPLICIT = new Set(['ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

function referencesOf(workload: PodWorkload): Reference[] {
  const result: Reference[] = [];
  const add = (
    kind: ReferencedKind,
    name: string | undefined,
    optional: boolean | undefined,
    path: string,
    from: string,
  ) => {
    if (name && !optional) result.push({ kind, name, path, from });
  };
  const spec = workload.spec;
  const base = workload.specPath;
  const account = spec.serviceAccountName ?? spec.serviceAccount;
  add(
    'ServiceAccount',
    account,
    false,
    `${base}.${spec.serviceAccountName ? 'serviceAccountName' : 'serviceAccount'}`,
    'the pod',
  );
  for (const secret of spec.imagePullSecrets ?? [])
    add('Secret', secret.name, false, `${base}.imagePullSecrets[name=${secret.name}]`, 'the pod (imagePullSecrets)');
  for (const volume of spec.volumes ?? []) {
    const path = `${base}.volumes[name=${volume.name}]`;
    const from = `volume "${volume.name}"`;
    add('ConfigMap', volume.configMap?.name, volume.configMap?.optional, `${path}.configMap.name`, from);
    add('Secret', volume.secret?.secretName, volume.secret?.optional, `${path}.secret.secretName`, from);
    add(
      'PersistentVolumeClaim',
      volume.persistentVolumeClaim?.claimName,
      false,
      `${path}.persistentVolumeClaim.claimName`,
      from,
    );
    (volume.projected?.sources ?? []).forEach((source, index) => {
      add(
        'ConfigMap',
        source.configMap?.name,
        source.configMap?.optional,
        `${path}.projected.sources[${index}].configMap.name`,
        from,
      );
      add(
        'Secret',
        source.secret?.name,
        source.secret?.optional,
        `${path}.projected.sources[${index}].secret.name`,
        from,
      );
    });
  }
  for (const located of locatedContainers(workload)) {
    const from = describeContainer(located);
    (located.container.envFrom ?? []).forEach((source, index) => {
      add(
        'ConfigMap',
        source.configMapRef?.name,
        source.configMapRef?.optional,
        `${located.path}.envFrom[${index}].configMapRef.name`,
        from,
      );
      add(
        'Secret',
        source.secretRef?.name,
        source.secretRef?.optional,
        `${located.path}.envFrom[${index}].secretRef.name`,
        from,
      );
    });
    for (const variable of located.container.env ?? []) {
      const path = `${located.path}.env[name=${variable.name}].valueFrom`;
      add(
        'ConfigMap',
        variable.valueFrom?.configMapKeyRef?.name,
        variable.valueFrom?.configMapKeyRef?.optional,
        `${path}.configMapKeyRef.name`,
        `${from} (env ${variable.name})`,
      );
      add(
        'Secret',
        variable.valueFrom?.secretKeyRef?.name,
        variable.valueFrom?.secretKeyRef?.optional,
        `${path}.secretKeyRef.name`,
        `${from} (env ${variable.name})`,
      );
    }
  }
  return result;
}

/**
 * `namespace/name` of every Secret a controller creates from a rendered object: what each kind's library declares
 * its controller produces (`produces` of its KindDefinition: ExternalSecret targets, Certificate secrets, the
 * Secrets of a CloudNativePG Cluster ...).
 */
function producedSecrets(environment: RenderedEnvironment): Set<string> {
  const result = new Set<string>();
  for (const { object } of environment.objects) {
    for (const produced of environment.kinds.producedBy(object))
      if (produced.kind === 'Secret') result.add(`${produced.namespace}/${produced.name}`);
  }
  return result;
}

/** `namespace/name` of the claims StatefulSets create from their volumeClaimTemplates: `<template>-<statefulset>-<ordinal>`. */
function templateClaims(inventory: Inventory): Set<string> {
  const result = new Set<string>();
  for (const { object } of inventory.ofKind('apps', 'StatefulSet')) {
    const set = object as IStatefulSet;
    const replicas = set.spec?.replicas ?? 1;
    for (const template of set.spec?.volumeClaimTemplates ?? []) {
      for (let ordinal = 0; ordinal < replicas; ordinal++)
        result.add(`${set.metadata?.namespace}/${template.metadata?.name}-${set.metadata?.name}-${ordinal}`);
    }
  }
  return result;
}

export const missingReferenceRule: PolicyRule = {
  id: 'references.missing-object',
  severity: 'error',
  rationale: 'A pod that references a ConfigMap, Secret, ServiceAccount or claim that will not exist never starts.',
  check(environment, report) {
    const inventory = inventoryOf(environment);
    const secrets = producedSecrets(environment);
    const claims = templateClaims(inventory);
    for (const workload of inventory.workloads) {
      const namespace = workload.namespace;
      for (const reference of referencesOf(workload)) {
        const { kind, name } = reference;
        if (
          IMPLICIT.has(`${kind}/${name}`) ||
          inventory.get('', kind, namespace, name) ||
          inventory.isExternal(kind, namespace, name)
        )
          continue;
        if (kind === 'Secret' && secrets.has(`${namespace}/${name}`)) continue;
        if (kind === 'PersistentVolumeClaim' && claims.has(`${namespace}/${name}`)) continue;
        const producers =
          kind === 'Secret'
            ? ", nothing rendered there creates it (an ExternalSecret, a Certificate, an operator's resource),"
            : '';
        report(
          workloadFinding(
            workload,
            reference.path,
            `${reference.from} references ${kind} "${name}", which no component renders in namespace "${namespace}"${producers} and environment.external does not declare as "${kind}/${namespace}/${name}"`,
          ),
        );
      }
    }
  },
};

export const serviceSelectorRule: PolicyRule = {
  id: 'references.service-selector',
  severity: 'error',
  rationale: 'A Service whose selector matches no pods has no endpoints: every client of it fails.',
  check(environment, report) {
    const inventory = inventoryOf(environment);
    for (const { component, object } of inventory.ofKind('', 'Service')) {
      const service = object as IService;
      const selector = service.spec?.selector;
      const namespace = service.metadata?.namespace ?? '';
      // Pods of an upstream chart are not rendered here, so selectors in a chart's namespace cannot be checked.
      if (!selector || Object.keys(selector).length === 0 || inventory.chartNamespaces.has(namespace)) continue;
      if (inventory.workloadsIn(namespace).some((w) => selectsByMap(selector, w.labels))) continue;
      report({
        component,
        object,
        path: 'spec.selector',
        message: `Service "${service.metadata?.name}" selects ${describeSelector(selector)}, which matches no pod template in namespace "${namespace}"`,
      });
    }
  },
};

export const duplicateObjectRule: PolicyRule = {
  id: 'references.duplicate-object',
  severity: 'error',
  rationale: "Two components rendering the same object fight over it: each sync overwrites the other's version.",
  check(environment, report) {
    const first = new Map<string, { component: string; key: string }>();
    for (const { component, key, object } of environment.objects) {
      const id = `${apiGroup(object)}/${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, { component, key });
        continue;
      }
      report({
        component,
        object,
        message: `${object.kind} "${object.metadata?.name}" is also rendered by component "${earlier.component}" (as "${earlier.key}"); render it in one component only`,
      });
    }
  },
};

export const referenceRules: PolicyRule[] = [serviceSelectorRule, missingReferenceRule, duplicateObjectRule];
