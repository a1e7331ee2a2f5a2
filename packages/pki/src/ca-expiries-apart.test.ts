import { certificate, certManager } from '@platform/cert-manager';
import { renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { declaredCa, findings } from './fixtures.test-helpers.js';
import { caExpiriesApart, caExpiriesApartRule } from './index.js';

const messages = (found: ReturnType<typeof findings>) => found.map((f) => `${f.component}: ${f.message}`);

describe('CA expiries apart', () => {
  it('passes CAs whose expiries stay a month apart, replacements included', async () => {
    const { rendered } = await renderForTest([
      certManager(),
      stubComponent('offline', {
        certificateLifetime: [
          declaredCa('offline root', '175200h', '8760h'),
          declaredCa('offline intermediate', '43800h', '2160h', 'intermediate'),
        ],
      }),
    ]);
    expect(findings(caExpiriesApartRule, rendered)).toEqual([]);
  });

  it('fails two CAs that first expire within 30 days of each other', async () => {
    const { rendered } = await renderForTest([
      certManager(),
      stubComponent('offline', { certificateLifetime: declaredCa('offline root', '88000h', '8760h') }),
    ]);
    expect(messages(findings(caExpiriesApartRule, rendered))).toEqual([
      "offline: CA offline root (offline) expires at day 3666.7 and CA Certificate cert-manager/platform-root-ca (cert-manager) at day 3650 after the first sync, 400h apart, less than 720h; change one's duration or renewBefore (see the certificate calendar)",
    ]);
  });

  it("catches a CA whose replacement expires beside another CA's first copy", async () => {
    // 365 days renewed 30 ahead: copies expire on days 365, 700, ...; the other CA expires on day 720.
    const { rendered } = await renderForTest([
      stubComponent('offline', {
        certificateLifetime: [
          declaredCa('yearly', '8760h', '720h', 'intermediate'),
          declaredCa('two-yearly', '17280h', '720h'),
        ],
      }),
    ]);
    const found = messages(findings(caExpiriesApartRule, rendered));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('at day 720 and CA yearly (offline) at day 700');
    // Looking only as far as the first year, they never meet.
    expect(findings(caExpiriesApart({ horizon: '8760h' }), rendered)).toEqual([]);
    // A narrower window lets them pass.
    expect(findings(caExpiriesApart({ window: '240h' }), rendered)).toEqual([]);
  });

  it('reports, on the object, a rendered CA that leaves its lifetime to the defaults; leaves do not count', async () => {
    const ca = certificate({
      name: 'mesh-ca',
      namespace: 'cert-manager',
      commonName: 'mesh',
      isCA: true,
      duration: '8760h',
    });
    delete ca.spec!.renewBefore;
    const leaf = certificate({
      name: 'leaf',
      namespace: 'cert-manager',
      dnsNames: ['x.example.com'],
      duration: '87600h',
    });
    const { rendered } = await renderForTest([
      certManager().addObjects({ mesh_certificate: ca, leaf_certificate: leaf }),
    ]);
    const found = findings(caExpiriesApartRule, rendered);
    expect(found.map((f) => [f.object?.metadata?.name, f.path, f.message])).toEqual([
      [
        'mesh-ca',
        'spec.duration',
        "CA Certificate cert-manager/mesh-ca leaves its lifetime to cert-manager's defaults; set spec.duration and spec.renewBefore",
      ],
    ]);
  });

  it('reports a declared CA whose lifetime does not parse, and rejects bad options', async () => {
    const { rendered } = await renderForTest([
      stubComponent('offline', { certificateLifetime: declaredCa('offline root', '10y', '8760h') }),
    ]);
    expect(messages(findings(caExpiriesApartRule, rendered))).toEqual([
      'offline: CA offline root has a duration or renewal that is not a Go duration',
    ]);
    expect(() => caExpiriesApart({ window: '30d' })).toThrow('window and horizon must be positive Go durations');
  });
});
