import { describe, expect, it } from 'vitest';
import { parseCertificates } from './index.js';
import { TEST_LEAF_PEM, TEST_ROOT_PEM } from './testing.js';

describe('parseCertificates()', () => {
  it('reads subject, validity, CA flag and self-signature of every certificate in a PEM text', () => {
    const facts = parseCertificates(`# roots\n${TEST_ROOT_PEM}\n${TEST_LEAF_PEM}`);
    expect(Array.isArray(facts) && facts.map((f) => [f.subject, f.lifetime / 86400, f.isCA, f.selfSigned])).toEqual([
      ['CN=Test Offline Root CA', 7300, true, true],
      ['CN=leaf.example.com', 30, false, true],
    ]);
  });

  it('says why a text is not PEM certificates', () => {
    expect(parseCertificates('hello')).toBe('expected PEM certificates (-----BEGIN CERTIFICATE----- ...)');
    expect(parseCertificates('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toMatch(
      /^certificate 1 does not parse: /,
    );
  });
});
