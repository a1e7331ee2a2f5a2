import type { KindDefinition } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { RECURRING_JOB_KIND } from './kinds/recurring-job.generated.js';

export type { IRecurringJob } from './kinds/recurring-job.generated.js';

/** The CRD kinds this library renders: Longhorn's RecurringJob (schema generated from the v1.12.1 CRD) and the ExternalSecret of the backup target. */
export const LONGHORN_KINDS: readonly KindDefinition[] = [
  RECURRING_JOB_KIND,
  ...EXTERNAL_SECRETS_KINDS.filter((kind) => kind.kind === 'ExternalSecret'),
];
