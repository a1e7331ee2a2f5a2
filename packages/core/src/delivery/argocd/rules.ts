import { apiGroup } from '../../model/objects.js';
import type { PolicyRule } from '../../model/policy.js';
import type { RenderedEnvironment } from '../../model/rendered.js';
import { REQUIRED_CONTROLLER_SETTINGS } from './health-check.js';
import type { IApplicationSet, IAppProject } from './kinds.js';
import { applicationName, DELIVERY_FOLDER } from './names.js';
import { serverSideApplyRule } from './server-side-apply-rule.js';
import { generatedApplications, templateKeys } from './template-keys.js';

function applicationSetsOf(rendered: RenderedEnvironment): IApplicationSet[] {
  return rendered.objects
    .filter((o) => o.component === DELIVERY_FOLDER && o.object.kind === 'ApplicationSet')
    .map((o) => o.object as IApplicationSet);
}

/** The controller settings the delivery relies on are set by the environment's Argo CD. */
const controllerSettings: PolicyRule = {
  id: 'delivery.argocd-controller-settings',
  severity: 'error',
  rationale:
    'Without the ApplicationSet health check and the progressive-syncs flag, the staged first sync never completes or does not wait at all.',
  check(rendered, report) {
    if (rendered.delivery.engine !== 'argocd') return;
    const controllers = [...rendered.provided.entries()].flatMap(([component, provided]) => {
      const value = provided.deliveryController;
      const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
      return list.filter((c) => c.engine === 'argocd').map((c) => ({ component, settings: c.settings }));
    });
    const external = rendered.environment.delivery?.externalController;
    const sources = [...controllers, ...(external ? [{ component: '_environment', settings: external }] : [])];
    if (sources.length === 0) {
      report({
        component: '_environment',
        path: 'delivery.externalController',
        message:
          'no component installs Argo CD (none provides "deliveryController") and delivery.externalController does not describe the Argo CD that applies this environment',
      });
      return;
    }
    for (const source of sources) {
      for (const [key, value] of Object.entries(REQUIRED_CONTROLLER_SETTINGS)) {
        if (source.settings[key] === value) continue;
        const what = source.settings[key] === undefined ? 'is not set' : 'has another value';
        report({
          component: source.component,
          path: source.component === '_environment' ? `delivery.externalController["${key}"]` : `settings["${key}"]`,
          message: `Argo CD's ${key} ${what}; the staged first sync needs ${value.length > 40 ? "the platform's ApplicationSet health check" : JSON.stringify(value)}`,
        });
      }
    }
  },
};

/** With `missingkey=error`, every key a template reads is in every element of the list generator. */
const templateKeysRule: PolicyRule = {
  id: 'delivery.argocd-template-keys',
  severity: 'error',
  rationale:
    'With missingkey=error, one element without a key the template reads makes Argo CD generate no Application of the whole ApplicationSet.',
  check(rendered, report) {
    for (const set of applicationSetsOf(rendered)) {
      const keys = templateKeys(set);
      (set.spec.generators ?? []).forEach((generator, g) => {
        (generator.list?.elements ?? []).forEach((element, e) => {
          const present = new Set(Object.keys(element as object));
          for (const key of keys) {
            if (!present.has(key)) {
              report({
                component: DELIVERY_FOLDER,
                object: set,
                path: `spec.generators[${g}].list.elements[${e}]`,
                message: `has no key "${key}", which the template reads; with missingkey=error Argo CD generates no Application of this ApplicationSet`,
              });
            }
          }
        });
      });
    }
  },
};

/** Exactly one generated Application per component folder, each deployable under the environment's AppProject. */
const coverage: PolicyRule = {
  id: 'delivery.argocd-coverage',
  severity: 'error',
  rationale:
    'A component without its Application is never deployed; one outside the AppProject is refused by Argo CD at sync time.',
  check(rendered, report) {
    const environment = rendered.environment;
    const project = rendered.objects.find((o) => o.component === DELIVERY_FOLDER && o.key === 'appproject')?.object as
      | IAppProject
      | undefined;
    const applications = applicationSetsOf(rendered).flatMap((set) =>
      generatedApplications(set).map((app) => ({ set, app })),
    );
    const byName = new Map<string, number>();
    for (const { app } of applications) byName.set(app.name, (byName.get(app.name) ?? 0) + 1);
    const folders = new Set(rendered.components.map((c) => c.name));
    for (const component of rendered.components) {
      const name = applicationName(environment, component.name);
      const count = byName.get(name) ?? 0;
      if (count !== 1)
        report({
          component: component.name,
          message: `${count === 0 ? 'no' : count} Argo CD Application${count === 1 ? '' : 's'} named ${name} ${count === 0 ? 'is' : 'are'} generated; exactly one must be`,
        });
    }
    const paths = new Set([...rendered.files.keys()].map((file) => file.slice(0, file.lastIndexOf('/'))));
    const destinations = (project?.spec?.destinations ?? []).map((d) => `${d.server ?? ''} ${d.namespace ?? ''}`);
    const whitelist = new Set((project?.spec?.clusterResourceWhitelist ?? []).map((r) => `${r.group}/${r.kind}`));
    for (const { set, app } of applications) {
      const component = rendered.components.find((c) => applicationName(environment, c.name) === app.name);
      if (!component || !folders.has(component.name)) {
        report({
          component: DELIVERY_FOLDER,
          object: set,
          message: `generates Application ${app.name}, which matches no component of the environment`,
        });
        continue;
      }
      if (!destinations.includes(`${environment.cluster.server} ${app.namespace}`)) {
        report({
          component: component.name,
          object: set,
          path: 'spec.template.spec.destination',
          message: `destination namespace "${app.namespace}" on ${environment.cluster.server} is not allowed by AppProject ${project?.metadata?.name}`,
        });
      }
      for (const path of app.paths) {
        const folder = path.replace(/^(.*?)rendered\//, 'rendered/');
        const relative = folder.slice(`rendered/${environment.name}/`.length);
        if (!paths.has(relative))
          report({
            component: component.name,
            object: set,
            path: 'spec.template.spec.sources',
            message: `source path ${path} holds no rendered file`,
          });
      }
      const kinds = [
        ...component.objects
          .filter(({ object }) => rendered.kinds.isClusterScoped(object))
          .map(({ object }) => `${apiGroup(object)}/${object.kind}`),
        ...(component.helm?.facts?.clusterKinds ?? []).map((k) => `${k.group}/${k.kind}`),
      ];
      for (const kind of new Set(kinds)) {
        if (!whitelist.has(kind))
          report({
            component: component.name,
            message: `creates cluster-scoped ${kind}, which AppProject ${project?.metadata?.name} does not whitelist`,
          });
      }
    }
  },
};

/** Argo CD's delivery checks. */
export const ARGOCD_RULES: readonly PolicyRule[] = [
  controllerSettings,
  templateKeysRule,
  coverage,
  serverSideApplyRule,
];
