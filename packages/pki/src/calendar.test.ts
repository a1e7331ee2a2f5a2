import { certificate, certManager } from '@platform/cert-manager';
import { renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { declaredCa } from './fixtures.test-helpers.js';
import { certificateCalendar, formatCertificateCalendar } from './index.js';

const DAY = 86400;

describe('certificateCalendar()', () => {
  it('lists rendered Certificates and declared lifetimes, first expiry first, with their replacements', async () => {
    const leaf = certificate({ name: 'web-tls', namespace: 'cert-manager', dnsNames: ['web.example.com'] });
    const { rendered } = await renderForTest([
      certManager().addObjects({ web_certificate: leaf }),
      stubComponent('offline', {
        certificateLifetime: [
          declaredCa('offline root', '175200h', '8760h'),
          { ...declaredCa('offline intermediate', '43800h', '2160h', 'intermediate'), issuer: 'offline root' },
        ],
      }),
    ]);
    const calendar = certificateCalendar(rendered);
    // The longest CA lifetime: every CA's first expiry is on the calendar.
    expect(calendar.horizon).toBe(175200 * 3600);
    expect(calendar.entries.map((e) => [e.name, e.role, e.expiries.map((s) => s / DAY)])).toEqual([
      // 90 days, renewed 30 days ahead: a new one every 60 days; a leaf lists its first five.
      ['Certificate cert-manager/web-tls', 'leaf', [90, 150, 210, 270, 330]],
      ['offline intermediate', 'intermediate', [1825, 3560, 5295, 7030]],
      ['Certificate cert-manager/platform-root-ca', 'root', [3650, 6935]],
      ['offline root', 'root', [7300]],
    ]);
    // 90, 150, ... 7290: 121 copies in 20 years.
    expect(calendar.entries[0]!.expiryCount).toBe(121);
    const root = calendar.entries.find((e) => e.name === 'Certificate cert-manager/platform-root-ca')!;
    expect(root).toMatchObject({
      component: 'cert-manager',
      source: 'certificate',
      issuer: 'ClusterIssuer platform-selfsigned-bootstrap',
      explicit: true,
      rotation: 'automatic',
    });
    expect(calendar.entries.find((e) => e.name === 'offline intermediate')).toMatchObject({
      source: 'declared',
      issuer: 'offline root',
      rotation: 'manual',
    });
  });

  it('fills in cert-manager defaults, marking them, and takes a horizon', async () => {
    const implicit = certificate({ name: 'implicit', namespace: 'cert-manager', dnsNames: ['x.example.com'] });
    delete implicit.spec!.duration;
    delete implicit.spec!.renewBefore;
    const { rendered } = await renderForTest([certManager().addObjects({ implicit_certificate: implicit })]);
    const entry = certificateCalendar(rendered, { horizon: 200 * DAY }).entries.find((e) =>
      e.name.endsWith('implicit'),
    )!;
    expect(entry.explicit).toBe(false);
    expect(entry.lifetime).toEqual({ duration: 90 * DAY, renewBefore: 30 * DAY });
    expect(entry.expiries.map((s) => s / DAY)).toEqual([90, 150, 210].filter((d) => d <= 200));
  });

  it('prints a table people can read', async () => {
    const { rendered } = await renderForTest([
      certManager(),
      stubComponent('offline', { certificateLifetime: declaredCa('offline root', '175200h', '8760h') }),
    ]);
    const text = formatCertificateCalendar(certificateCalendar(rendered));
    expect(text).toContain('up to day 7300');
    const lines = text.split('\n');
    const root = lines.find((l) => l.includes('platform-root-ca'))!;
    expect(root).toMatch(
      /^day 3650 +root +Certificate cert-manager\/platform-root-ca +cert-manager +ClusterIssuer platform-selfsigned-bootstrap +87600h \(3650d\), replaced 8760h \(365d\) ahead +automatic +day 6935$/,
    );
    expect(lines.find((l) => l.includes('offline root'))).toMatch(
      /^day 7300 +root +offline root +offline +- +175200h \(7300d\), replaced 8760h \(365d\) ahead +manual$/,
    );
  });
});
