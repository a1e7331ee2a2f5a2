import { describe, expect, it } from 'vitest';
import { block, concat, expr, ref, toLabel, writeAlloyFile } from './syntax.js';

describe('Alloy syntax builder', () => {
  it('writes components with aligned attributes, nested blocks, lists, objects and references', () => {
    const source = block('discovery.kubernetes', 'pods', { role: 'pod' });
    const write = block(
      'loki.write',
      'local',
      { external_labels: { zone: 'b', cluster: 'dev' } },
      block('endpoint', undefined, { url: 'http://loki:3100/loki/api/v1/push', headers: { 'X-Scope-OrgID': 'dev' } }),
    );
    const tail = block(
      'loki.source.file',
      'files',
      { targets: ref(source, 'targets'), forward_to: [ref(write, 'receiver')], tail_from_end: false, max: 3 },
      block('stage.cri', undefined, {}),
    );
    expect(writeAlloyFile([source, write, tail]).text).toBe(`discovery.kubernetes "pods" {
  role = "pod"
}

loki.write "local" {
  external_labels = {
    cluster = "dev",
    zone    = "b",
  }

  endpoint {
    url     = "http://loki:3100/loki/api/v1/push"
    headers = {
      "X-Scope-OrgID" = "dev",
    }
  }
}

loki.source.file "files" {
  targets       = discovery.kubernetes.pods.targets
  forward_to    = [loki.write.local.receiver]
  tail_from_end = false
  max           = 3

  stage.cri {}
}
`);
  });

  it('escapes strings the way Alloy reads them', () => {
    const text = writeAlloyFile([block('x.y', 'z', { regex: '(.+?)(?::\\d+)?;(\\d+)', quote: 'say "hi"\n' })]).text;
    expect(text).toContain('regex = "(.+?)(?::\\\\d+)?;(\\\\d+)"');
    expect(text).toContain('quote = "say \\"hi\\"\\n"');
  });

  it('leaves out undefined attributes and false blocks', () => {
    const text = writeAlloyFile([block('a.b', 'c', { kept: 1, dropped: undefined }, false, undefined)]).text;
    expect(text).toBe('a.b "c" {\n  kept = 1\n}\n');
  });

  it('concatenates literals and expressions', () => {
    expect(concat('spec.nodeName=', expr('sys.env("NODE")')).source).toBe('"spec.nodeName=" + sys.env("NODE")');
  });

  it('turns names into valid labels', () => {
    expect(toLabel('mimir-eu')).toBe('mimir_eu');
    expect(toLabel('1st')).toBe('_1st');
    expect(() => block('loki.write', 'not-valid')).toThrow(/invalid Alloy label/);
  });

  it('rejects references to components the file does not define, and duplicate components', () => {
    const write = block('loki.write', 'missing', {});
    expect(() => writeAlloyFile([block('loki.source.journal', 'j', { forward_to: [ref(write, 'receiver')] })])).toThrow(
      'Alloy config refers to undefined components: loki.write.missing',
    );
    expect(() => writeAlloyFile([write, write])).toThrow('Alloy component loki.write.missing is defined twice');
  });

  it('is deterministic whatever the insertion order of object values', () => {
    const a = writeAlloyFile([block('p.q', 'r', { labels: { b: '2', a: '1' } })]).text;
    const b = writeAlloyFile([block('p.q', 'r', { labels: { a: '1', b: '2' } })]).text;
    expect(a).toBe(b);
  });
});
