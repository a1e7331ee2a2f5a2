import { defineComponent, statefulSet } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { longhorn } from './index.js';
import { storageOrderRule } from './rules.js';

/** A component whose StatefulSet claims a volume of `storageClassName` (the default class when empty). */
const claimer = defineComponent({
  name: 'claimer',
  tier: 'operators',
  defaults: { storageClassName: '' },
  build: (context) => ({
    db_statefulset: statefulSet(context, {
      name: 'db',
      pdb: false,
      service: false,
      serviceMonitor: false,
      containers: [
        {
          name: 'db',
          image: 'docker.io/library/postgres:17.6',
          resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
        },
      ],
      volumeClaims: [
        {
          name: 'data',
          size: '1Gi',
          mountPath: '/data',
          ...(context.config.storageClassName ? { storageClassName: context.config.storageClassName } : {}),
        },
      ],
    }).workload,
  }),
});

const findings = async (...components: Parameters<typeof renderForTest>[0]) => {
  const { rendered } = await renderForTest([longhorn({ backupTarget: { enabled: false } }), ...components]);
  return runPolicies(rendered, { rules: [storageOrderRule] })
    .findings.filter((f) => f.rule === 'storage.provisioner-first')
    .map((f) => `${f.component}: ${f.message}`);
};

describe('storage.provisioner-first', () => {
  it('fails a claim on Longhorn that syncs with Longhorn or before it', async () => {
    expect(await findings(claimer())).toEqual([
      `claimer: claims a volume of StorageClass "longhorn" in sync step 1, but "longhorn", which provides it, syncs in step 1; order this component after it (.after('longhorn'))`,
    ]);
  });

  it('passes a claim ordered after Longhorn, and one on a class Longhorn does not serve', async () => {
    expect(await findings(claimer().after('longhorn'))).toEqual([]);
    expect(await findings(claimer({ storageClassName: 'local-path' }))).toEqual([]);
  });
});
