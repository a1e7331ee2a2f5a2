import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const store = join(import.meta.dirname, '..', 'node_modules', '.pnpm');

describe('installed dependencies', () => {
  it('hold exactly one copy of the kubernetes-models base stack (a second copy would split model classes)', () => {
    const copies = (name: string) => readdirSync(store).filter((entry) => entry.startsWith(`${name}@`));
    expect(copies('@kubernetes-models+base')).toHaveLength(1);
    expect(copies('@kubernetes-models+validate')).toHaveLength(1);
    expect(copies('@kubernetes-models+apimachinery')).toHaveLength(1);
    expect(copies('@kubernetes-models+istio')).toEqual([expect.stringMatching(/^@kubernetes-models\+istio@3\./)]);
  });
});
