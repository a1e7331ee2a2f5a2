// `platform bench-fleet`: the benchmark's fleet renders the same bytes whatever the number of worker threads
// and whichever thread rendered which copy.
import { afterAll, describe, expect, it } from 'vitest';
import { CliProject } from './helpers/cli-project.js';

describe('bench-fleet', () => {
  const project = new CliProject();
  afterAll(() => project.remove());
  const fleet = (workers: number) => {
    const run = project.run(['bench-fleet', 'demo', '--count', '5', '--workers', String(workers), '--digest']);
    expect(run.code, run.err).toBe(0);
    return JSON.parse(run.out.trim().split('\n').pop() as string) as {
      objects: number;
      digest: string;
      workers: number;
    };
  };

  it('gives one digest of every file for one, two or three threads, and another when the input changes', () => {
    const one = fleet(1);
    const two = fleet(2);
    const three = fleet(3);
    expect([two.workers, three.workers]).toEqual([2, 3]);
    expect(two.digest).toBe(one.digest);
    expect(three.digest).toBe(one.digest);
    expect(two.objects).toBe(one.objects);
    project.index('replicas: 6');
    expect(fleet(2).digest).not.toBe(one.digest);
  });
});
