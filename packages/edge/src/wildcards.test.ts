import { describe, expect, it } from 'vitest';
import { bodySizeBytes } from './body-size.js';
import { inDomain, nameCovers, wildcardDomainFor } from './wildcards.js';

describe('certificate names', () => {
  it('cover a host exactly or one label under a wildcard, as TLS clients match them', () => {
    expect(nameCovers('*.prod.example.com', 'grafana.prod.example.com')).toBe(true);
    expect(nameCovers('*.prod.example.com', 'prod.example.com')).toBe(false);
    expect(nameCovers('*.prod.example.com', 'a.grafana.prod.example.com')).toBe(false);
    expect(nameCovers('grafana.prod.example.com', 'GRAFANA.prod.example.com')).toBe(true);
    expect(wildcardDomainFor('x.sre.example.com', ['prod.example.com', 'sre.example.com'])).toBe('sre.example.com');
  });

  it('are in a domain on label boundaries, as external-dns domain filters are', () => {
    expect(inDomain('grafana.prod.example.com', 'example.com')).toBe(true);
    expect(inDomain('grafana.badexample.com', 'example.com')).toBe(false);
  });
});

describe('bodySizeBytes', () => {
  it('reads nginx sizes in powers of 1024 and rejects Kubernetes quantities', () => {
    expect(bodySizeBytes('16m')).toBe(16 * 1024 * 1024);
    expect(bodySizeBytes('512k')).toBe(512 * 1024);
    expect(bodySizeBytes('1G')).toBe(1024 ** 3);
    expect(bodySizeBytes('1000')).toBe(1000);
    expect(bodySizeBytes('16Mi')).toBeUndefined();
    expect(bodySizeBytes('0')).toBeUndefined();
  });
});
