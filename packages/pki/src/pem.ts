import { X509Certificate } from 'node:crypto';

/** What a check needs to know of one PEM certificate. */
export interface CertificateFacts {
  subject: string;
  /** Validity bounds, milliseconds since the epoch. */
  notBefore: number;
  notAfter: number;
  /** Validity in seconds. */
  lifetime: number;
  /** Basic constraints say it is a CA. */
  isCA: boolean;
  /** Issued by itself (a root). */
  selfSigned: boolean;
}

const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM text, parsed (no clock and no I/O: a pure function of the text), or the reason it is
 * not PEM certificates. Used to check, at render time, the public roots an environment commits to git.
 */
export function parseCertificates(pem: string): CertificateFacts[] | string {
  const blocks = pem.match(BLOCK) ?? [];
  if (blocks.length === 0) return 'expected PEM certificates (-----BEGIN CERTIFICATE----- ...)';
  const result: CertificateFacts[] = [];
  for (const [index, block] of blocks.entries()) {
    try {
      const x509 = new X509Certificate(block);
      const notBefore = Date.parse(x509.validFrom);
      const notAfter = Date.parse(x509.validTo);
      result.push({
        subject: x509.subject.replace(/\n/g, ', '),
        notBefore,
        notAfter,
        lifetime: Math.round((notAfter - notBefore) / 1000),
        isCA: x509.ca,
        selfSigned: x509.checkIssued(x509),
      });
    } catch (error) {
      return `certificate ${index + 1} does not parse: ${(error as Error).message}`;
    }
  }
  return result;
}
