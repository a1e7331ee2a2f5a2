import type { ISecret } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { findingsOf, render, web } from '../test/fixtures.js';

describe('secrets.inline-data', () => {
  it('passes a Secret without values (filled in by the cluster)', async () => {
    const token: ISecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'web-token', annotations: { 'kubernetes.io/service-account.name': 'default' } },
      type: 'kubernetes.io/service-account-token',
    };
    expect(findingsOf(await render([web().addObjects({ token_secret: token })]), 'secrets.inline-data')).toEqual([]);
  });

  it('reports a Secret with data or stringData', async () => {
    const secret: ISecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db' },
      stringData: { password: 'hunter2', user: 'web' },
    };
    expect(findingsOf(await render([web().addObjects({ db_secret: secret })]), 'secrets.inline-data')).toEqual([
      {
        rule: 'secrets.inline-data',
        severity: 'error',
        environment: 'test',
        component: 'web',
        object: 'Secret/web/db',
        path: 'stringData',
        message:
          'Secret "db" carries values in stringData (password, user); deliver them with an ExternalSecret instead',
      },
    ]);
  });
});
