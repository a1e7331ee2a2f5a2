/** `platform resources`: replicas, requests and limits from the rendered objects, and the comparison of two environments. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyComponent } from '@platform/core';
import { testEnvironment } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { web } from '../packages/core/src/fixtures.test-helpers.js';
import { runCli } from './helpers/run-cli.js';

const environment = (name: string, components: AnyComponent[]) =>
  testEnvironment(components, { name, cluster: { name, server: 'https://kubernetes.default.svc' } });
const root = () => mkdtempSync(join(tmpdir(), 'platform-resources-'));

describe('platform resources', () => {
  const small = environment('small', [web()]);
  const large = environment('large', [web({ replicas: 5, memory: '128Mi' })]);

  it('prints every workload with replicas, per-pod and total requests and limits, and the environment total', async () => {
    const { code, out } = await runCli(root(), ['resources', 'small'], { small });
    expect(code).toBe(0);
    const row = out.split('\n').find((line) => line.startsWith('web '))!;
    // 2 replicas × (10m CPU, 64Mi memory requested; 64Mi memory limit).
    expect(row.split(/\s{2,}/)).toEqual([
      'web',
      'Deployment/web',
      '2',
      '10m',
      'none',
      '64Mi',
      '64Mi',
      '20m',
      'none',
      '128Mi',
      '128Mi',
    ]);
    expect(out).toMatch(/environment small\s+20m\s+none\s+128Mi\s+128Mi/);
  });

  it('gives the same numbers as data, the totals the sum of the workloads', async () => {
    const two = environment('two', [web({ replicas: 5, memory: '128Mi' }), web().named('web2')]);
    const { out } = await runCli(root(), ['resources', 'two', '--format', 'json'], { two });
    type Amounts = { requests: { cpu: number; memory: number } };
    const table = JSON.parse(out) as {
      workloads: Array<{ replicas: { min: number }; total: { min: Amounts } }>;
      total: { min: Amounts };
    };
    expect(table.workloads.map((w) => w.replicas.min)).toEqual([5, 2]);
    const sum = (pick: (a: Amounts) => number) => table.workloads.reduce((n, w) => n + pick(w.total.min), 0);
    expect(table.total.min.requests.cpu).toBe(sum((a) => a.requests.cpu));
    expect(table.total.min.requests.memory).toBe(sum((a) => a.requests.memory));
    expect(table.total.min.requests.memory).toBe(5 * 128 * 2 ** 20 + 2 * 64 * 2 ** 20);
  });

  it('compares two environments: the workloads that differ, before and after', async () => {
    const { code, out } = await runCli(root(), ['resources', 'small', '--compare', 'large'], { small, large });
    expect(code).toBe(0);
    expect(out).toContain('resources: small → large');
    expect(out).toMatch(/web\s+Deployment\/web\s+2 × 10m CPU \/ 64Mi\s+5 × 10m CPU \/ 128Mi/);
  });

  it('names an unknown environment, for the argument and for --compare', async () => {
    expect((await runCli(root(), ['resources', 'nope'], { small })).err).toContain('nope: no such environment');
    expect((await runCli(root(), ['resources', 'small', '--compare', 'nope'], { small })).err).toContain(
      'nope: no such environment',
    );
  });
});
