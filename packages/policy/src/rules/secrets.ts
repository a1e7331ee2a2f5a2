import type { ISecret, PolicyRule } from '@platform/core';
import { inventoryOf } from '../inventory.js';

export const inlineSecretDataRule: PolicyRule = {
  id: 'secrets.inline-data',
  severity: 'error',
  rationale: 'Rendered output is committed to git; secret values come from ExternalSecrets, never from the render.',
  check(environment, report) {
    for (const { component, object } of inventoryOf(environment).ofKind('', 'Secret')) {
      const secret = object as ISecret;
      for (const field of ['data', 'stringData'] as const) {
        const keys = Object.keys(secret[field] ?? {});
        if (keys.length === 0) continue;
        report({
          component,
          object,
          path: field,
          message: `Secret "${secret.metadata?.name}" carries values in ${field} (${keys.sort().join(', ')}); deliver them with an ExternalSecret instead`,
        });
      }
    }
  },
};

export const secretRules: PolicyRule[] = [inlineSecretDataRule];
