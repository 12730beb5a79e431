import { webcrypto } from 'node:crypto';
import { x509 } from '../../main/certificates/dcc/x509';
import { DCC_KEY_USAGE_OIDS } from '../../main/domain/dcc/key-usage';

/**
 * A stand-in for the national authority: a CA that signs document-signer
 * certificates for certificate requests, as the Ministry would for a station.
 */
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface TestAuthority {
  /** Signs a certificate for the key in `csrPem` (or any other public key), with the given dates and extended key usage. */
  issue(options: {
    csrPem?: string;
    publicKey?: CryptoKey;
    notBefore: Date;
    notAfter: Date;
    extendedKeyUsage?: string[] | null;
    subject?: string;
  }): Promise<{ der: Buffer; pem: string }>;
}

export async function createTestAuthority(name = 'CN=CSCA Viet Nam (test), O=Ministry of Health, C=VN'): Promise<TestAuthority> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    async issue(options) {
      const publicKey = options.publicKey ?? (await new x509.Pkcs10CertificateRequest(options.csrPem!).publicKey.export());
      const extensions: x509.Extension[] = [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)];
      const eku = options.extendedKeyUsage === undefined ? [DCC_KEY_USAGE_OIDS.v[0]!] : options.extendedKeyUsage;
      if (eku) extensions.push(new x509.ExtendedKeyUsageExtension(eku));
      const certificate = await x509.X509CertificateGenerator.create({
        serialNumber: '0a' + Buffer.from(webcrypto.getRandomValues(new Uint8Array(15))).toString('hex'),
        subject: options.subject ?? 'CN=DSC TYT-79-26734, O=Ministry of Health, C=VN',
        issuer: name,
        notBefore: options.notBefore,
        notAfter: options.notAfter,
        signingAlgorithm: ALG,
        publicKey,
        signingKey: keys.privateKey,
        extensions,
      });
      return { der: Buffer.from(certificate.rawData), pem: certificate.toString('pem') };
    },
  };
}

/** A separate key pair, for a certificate that is not for the station's key. */
export async function otherPublicKey(): Promise<CryptoKey> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  return keys.publicKey;
}
