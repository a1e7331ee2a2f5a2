import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unknownValuePaths } from '@platform/core';
import { afterAll, describe, expect, it } from 'vitest';
import { chartFacts, deriveChart, valuePathList } from './derive.js';
import { generatedModule } from './generated-module.js';
import { externalSecretsCrds } from './refresh.js';
import { scanTemplates } from './template-scan.js';

const here = dirname(fileURLToPath(import.meta.url));
const tiny = join(here, 'fixtures', 'tiny');
const extra = join(here, 'fixtures', 'extra');
const facts = chartFacts(deriveChart(tiny));
const withExtra = chartFacts(deriveChart(tiny, { dependencies: new Map([['extra', extra]]), version: '9.9.9' }));
const work = mkdtempSync(join(tmpdir(), 'derive-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('value paths of the fixture chart', () => {
  const paths = facts.valuePaths;

  it('reads values.yaml: leaves, open maps for {} and ~, lists, quoted dotted keys', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'replicas',
        'image.repository',
        'podAnnotations.*',
        'nodeSelector.*',
        'affinity.*',
        'extraArgs[]',
        'config["log.level"]',
      ]),
    );
  });

  it('takes the children of a key the templates unset from .Values as top-level settings, and drops the key', () => {
    expect(paths).toContain('server.name');
    expect(paths.some((p) => p.startsWith('_defaults'))).toBe(false);
  });

  it('reads values.schema.json through $ref, with additionalProperties as an open map', () => {
    expect(paths).toEqual(expect.arrayContaining(['probe.path', 'extraEnv.*', 'tolerations[]', 'strict.on']));
    expect(paths).not.toContain('strict.*');
  });

  it('knows keys that only templates read: through with, variables, index, range and include arguments', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'podSpec.hostNetwork',
        'ports.http',
        'weird-key.inner',
        'flags.*',
        'server.labels.*',
        'crds.serve',
      ]),
    );
  });

  it('ignores references in `if false` blocks, and keeps a scalar a leaf when a template passes it on whole', () => {
    expect(paths.some((p) => p.startsWith('dead'))).toBe(false);
    expect(paths).toContain('revision');
    expect(paths).not.toContain('revision.*');
  });

  it('puts a dependency under its alias, with its condition, tags and shared globals', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'child.port',
        'child.enabled',
        'child.rbac.create',
        'child.global.commonLabels.*',
        'global.commonLabels.*',
        'tags.addons',
      ]),
    );
  });

  it('accepts anything under a dependency it could not read, and says so', () => {
    expect(paths).toContain('extra.*');
    expect(facts.notes.join('\n')).toMatch(/dependency extra was not read/);
    expect(withExtra.valuePaths).toContain('extra.priority.name');
    expect(withExtra.valuePaths).not.toContain('extra.*');
  });

  it('lets the checker catch a misspelt key and pass the real ones', () => {
    expect(
      unknownValuePaths(
        { replicas: 2, image: { tag: 'x', tga: 'y' }, child: { port: 1 }, flags: { anything: 1 } },
        paths,
      ),
    ).toEqual(['image.tga']);
  });
});

describe('CRDs and cluster-scoped kinds of the fixture chart', () => {
  it('lists CRDs from crds/, templates, embedded files and dependencies, with the condition that gates them', () => {
    expect(facts.crds).toEqual([
      {
        group: 'sub.example.com',
        kind: 'Part',
        plural: 'parts',
        scope: 'Namespaced',
        when: 'and (child.enabled) (child.crd)',
      },
      // Installed by both branches of an if/else: only the condition they share gates it.
      { group: 'tiny.example.com', kind: 'Gadget', plural: 'gadgets', scope: 'Cluster', when: 'eq scope "all"' },
      { group: 'tiny.example.com', kind: 'Thing', plural: 'things', scope: 'Cluster', when: undefined },
      { group: 'tiny.example.com', kind: 'Widget', plural: 'widgets', scope: 'Namespaced', when: 'crds.enabled' },
    ]);
  });

  it('lists the cluster-scoped kinds templates create, including ones of its own cluster-scoped CRDs', () => {
    expect(facts.clusterKinds).toEqual([
      { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
      { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
      { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
      { group: 'tiny.example.com', kind: 'Gadget' },
    ]);
    expect(withExtra.clusterKinds).toContainEqual({ group: 'scheduling.k8s.io', kind: 'PriorityClass' });
  });
});

describe('template scanning', () => {
  const scan = (text: string) => scanTemplates([{ path: 'templates/t.yaml', text }], () => undefined);
  const refs = (text: string) => {
    const found = new Set(scan(text).refs.map((r) => r.path.join('.') + (r.open ? '.*' : '')));
    return [...found].filter((p) => !found.has(`${p}.*`)).sort();
  };

  it('resolves `$`, `$root` and `(…).field` chains to values', () => {
    expect(refs('{{ $.Values.a.b }}{{ $root := . }}{{ $root.Values.c }}{{ ($.Values.global).profile }}')).toEqual([
      'a.b',
      'c',
      'global',
      'global.profile',
    ]);
  });

  it('opens what toYaml, range and merge pass on, but not all of .Values', () => {
    expect(
      refs(
        '{{ toYaml .Values.a }}{{ range .Values.b }}{{ end }}{{ mergeOverwrite (deepCopy .Values.c) .Values.d }}{{ toJson .Values }}',
      ),
    ).toEqual(['a.*', 'b.*', 'c.*', 'd.*']);
  });

  it('reads hasKey and dig keys, and opens a map indexed by a computed key', () => {
    expect(refs('{{ hasKey .Values.a "k" }}{{ dig "x" "y" "" .Values.b }}{{ index .Values.c $name }}')).toEqual([
      'a',
      'a.k',
      'b',
      'b.x.y',
      'c.*',
    ]);
  });

  it('skips quoted braces and comments', () => {
    expect(refs('{{ printf "}}" .Values.a }}{{/* .Values.b */}}{{- /* .Values.c */ -}}')).toEqual(['a']);
  });
});

describe('valuePathList', () => {
  it('drops duplicates, paths under open maps and lists, and maps whose children are listed', () => {
    expect(
      valuePathList([
        ['a', 'b'],
        ['a', 'b'],
        ['a'],
        ['m', '*'],
        ['m', 'x'],
        ['l', '[]'],
        ['l', '[]', 'y'],
        ['w', '*', 'z'],
        ['w', '*'],
      ]),
    ).toEqual(['a.b', 'l[]', 'm.*', 'w.*']);
  });
});

describe('generated module', () => {
  it('carries the header, the version and sorted lists', () => {
    const text = generatedModule(withExtra);
    expect(text.split('\n')[0]).toBe('// generated by scripts/chart-values/derive.ts from tiny@9.9.9; do not edit');
    expect(text).toContain(`export const CHART_VERSION = '9.9.9';`);
    expect(text).toContain(`  'config["log.level"]',`);
    expect(text).toContain(`  { group: 'tiny.example.com', kind: 'Thing', plural: 'things', scope: 'Cluster' },`);
    expect(generatedModule(withExtra)).toBe(text);
  });

  it('is written by the command line, with --dependency and --version', () => {
    const out = join(work, 'tiny.generated.ts');
    const tsx = resolve(here, '../../node_modules/.bin/tsx');
    execFileSync(
      tsx,
      [
        '--conditions=platform-source',
        join(here, 'derive.ts'),
        '--chart',
        tiny,
        '--dependency',
        `extra=${extra}`,
        '--version',
        '9.9.9',
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(readFileSync(out, 'utf8')).toBe(generatedModule(withExtra));
    expect(() =>
      execFileSync(
        tsx,
        [
          '--conditions=platform-source',
          join(here, 'derive.ts'),
          '--chart',
          tiny,
          '--dependency',
          `nope=${extra}`,
          '--out',
          out,
        ],
        { stdio: 'pipe' },
      ),
    ).toThrow(/declares no such dependency/);
  });
});

describe('external-secrets CRD packaging', () => {
  it('gates every bundled CRD on installCRDs, and cluster-scoped and PushSecret kinds on crds.create<Kind>', () => {
    const crd = (kind: string) =>
      `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  group: g.example.com\n  names:\n    kind: ${kind}\n    plural: ${kind.toLowerCase()}s\n    singular: ${kind.toLowerCase()}\n  scope: Namespaced\n`;
    const chart = join(work, 'eso');
    externalSecretsCrds(chart, () => `---\n${crd('Store')}---\n${crd('ClusterStore')}---\n${crd('PushSecret')}`);
    expect(readFileSync(join(chart, 'templates/crds/store.yaml'), 'utf8')).toMatch(
      /^\{\{- if \.Values\.installCRDs \}\}\n/,
    );
    expect(readFileSync(join(chart, 'templates/crds/clusterstore.yaml'), 'utf8')).toMatch(
      /^\{\{- if and \(\.Values\.installCRDs\) \(\.Values\.crds\.createClusterStore\) \}\}\n/,
    );
    expect(readFileSync(join(chart, 'templates/crds/pushsecret.yaml'), 'utf8')).toMatch(
      /\.Values\.crds\.createPushSecret/,
    );
  });
});

describe("a dependency's named templates", () => {
  it("are read through the parent's includes (Helm shares defines), and what they do outside a define reads nothing", () => {
    const helper = {
      path: 'partials:templates/_resources.tpl',
      text: '{{- $unused := .Values.outside -}}\n{{- define "partials.resources" -}}\ncpu: {{ (.cpu).request }}\n{{- end }}\n',
    };
    const parent = {
      path: 'templates/deployment.yaml',
      text: 'kind: Deployment\nspec:\n  {{- include "partials.resources" .Values.destinationResources | nindent 2 }}\n',
    };
    const scan = scanTemplates([parent], () => undefined, [], [helper]);
    const paths = scan.refs.map((ref) => ref.path.join('.'));
    expect(paths).toContain('destinationResources.cpu.request');
    expect(paths).not.toContain('outside');
    expect(scan.documents.map((d) => d.kind)).toEqual(['Deployment']);
  });
});
