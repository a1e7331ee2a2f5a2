import type { PolicyRule } from '@platform/core';
import { parseImage, registryAllowed } from '../images.js';
import { containersOf, describeContainer, inventoryOf, type LocatedContainer, type PodWorkload } from '../inventory.js';

/** Images of every container (init containers included) of every pod template. */

function eachImage(environment: Parameters<PolicyRule['check']>[0], visit: (workload: PodWorkload, located: LocatedContainer, image: string) => void): void {
  for (const workload of inventoryOf(environment).workloads) {
    for (const located of containersOf(workload)) visit(workload, located, located.container.image ?? '');
  }
}

export const pinnedTagRule: PolicyRule = {
  id: 'images.pinned-tag',
  severity: 'error',
  rationale: 'An untagged or "latest" image changes under a running environment and makes renders irreproducible.',
  check(environment, report) {
    eachImage(environment, (workload, located, image) => {
      const path = `${located.path}.image`;
      const where = { component: workload.component, object: workload.object, path };
      if (image === '') {
        report({ ...where, message: `${describeContainer(located)} has no image` });
        return;
      }
      const parsed = parseImage(image);
      if (parsed.digest) return;
      if (parsed.tag === undefined) report({ ...where, message: `${describeContainer(located)} uses image "${image}" without a tag, which pulls "latest"` });
      else if (parsed.tag === 'latest') report({ ...where, message: `${describeContainer(located)} uses image "${image}" with the moving tag "latest"` });
    });
  },
};

export const imageDigestRule: PolicyRule = {
  id: 'images.digest',
  severity: 'warn',
  rationale: 'Tags can be re-pushed; only a digest pins the exact image. Off unless the environment enables it.',
  check(environment, report) {
    eachImage(environment, (workload, located, image) => {
      if (image !== '' && !parseImage(image).digest) {
        report({ component: workload.component, object: workload.object, path: `${located.path}.image`, message: `${describeContainer(located)} uses image "${image}", which is not pinned by digest (@sha256:...)` });
      }
    });
  },
};

export const allowedRegistryRule: PolicyRule = {
  id: 'images.allowed-registry',
  severity: 'error',
  rationale: 'Images must come from registries the environment trusts (settings.allowedRegistries), e.g. its mirror.',
  check(environment, report) {
    const allowed = environment.view.settings.allowedRegistries;
    if (!allowed || allowed.length === 0) return;
    eachImage(environment, (workload, located, image) => {
      if (image === '') return;
      const parsed = parseImage(image);
      if (!registryAllowed(parsed, allowed)) {
        report({
          component: workload.component,
          object: workload.object,
          path: `${located.path}.image`,
          message: `${describeContainer(located)} uses image "${image}" from registry "${parsed.registry}", which settings.allowedRegistries (${allowed.join(', ')}) does not allow`,
        });
      }
    });
  },
};

export const imageRules: PolicyRule[] = [pinnedTagRule, imageDigestRule, allowedRegistryRule];
