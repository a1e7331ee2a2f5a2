import type { PolicyRule } from '@platform/core';
import { containerRule } from '../container-rule.js';
import { parseImage, registryAllowed } from '../images.js';
import { describeContainer } from '../inventory.js';

/** Images of every container (init containers included) of every pod template. */

export const pinnedTagRule = containerRule({
  id: 'images.pinned-tag',
  severity: 'error',
  rationale: 'An untagged or "latest" image changes under a running environment and makes renders irreproducible.',
  checkContainer({ located, report }) {
    const image = located.container.image ?? '';
    const path = `${located.path}.image`;
    if (image === '') {
      report(path, `${describeContainer(located)} has no image`);
      return;
    }
    const parsed = parseImage(image);
    if (parsed.digest) return;
    if (parsed.tag === undefined)
      report(path, `${describeContainer(located)} uses image "${image}" without a tag, which pulls "latest"`);
    else if (parsed.tag === 'latest')
      report(path, `${describeContainer(located)} uses image "${image}" with the moving tag "latest"`);
  },
});

export const imageDigestRule = containerRule({
  id: 'images.digest',
  severity: 'warn',
  rationale: 'Tags can be re-pushed; only a digest pins the exact image. Off unless the environment enables it.',
  checkContainer({ located, report }) {
    const image = located.container.image ?? '';
    if (image !== '' && !parseImage(image).digest) {
      report(
        `${located.path}.image`,
        `${describeContainer(located)} uses image "${image}", which is not pinned by digest (@sha256:...)`,
      );
    }
  },
});

export const allowedRegistryRule = containerRule({
  id: 'images.allowed-registry',
  severity: 'error',
  rationale: 'Images must come from registries the environment trusts (settings.allowedRegistries), e.g. its mirror.',
  checkContainer({ located, environment, report }) {
    const allowed = environment.view.settings.allowedRegistries;
    const image = located.container.image ?? '';
    if (!allowed || allowed.length === 0 || image === '') return;
    const parsed = parseImage(image);
    if (!registryAllowed(parsed, allowed)) {
      report(
        `${located.path}.image`,
        `${describeContainer(located)} uses image "${image}" from registry "${parsed.registry}", which settings.allowedRegistries (${allowed.join(', ')}) does not allow`,
      );
    }
  },
});

export const imageRules: PolicyRule[] = [pinnedTagRule, imageDigestRule, allowedRegistryRule];
