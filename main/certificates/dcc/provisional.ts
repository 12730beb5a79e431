import { type KeyObject, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { DCC_KEY_USAGE_OIDS } from '../../domain/dcc/key-usage';
import { x509 } from './x509';

/**
 * A P-256 signing key with a self-signed certificate. The station signs with
 * one of these until the national authority's document-signer certificate is
 * imported; its subject says "Provisional" so any verifier showing the signer
 * shows that too. Key storage and the certificate request come with key
 * management; this only makes the pair (also used by tests).
 */
export interface ProvisionalIdentity {
  privateKey: KeyObject;
  certificateDer: Uint8Array;
  certificatePem: string;
}

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function createProvisionalIdentity(options: {
  /** The vaccination site, shown in the certificate subject. */
  siteName: string;
  now: Date;
  /** How long the provisional certificate lasts; it must outlive the 12-month certificates it signs. */
  validityDays?: number;
  /** Restrict the key to vaccination certificates (default), as a provisional signer issues nothing else. */
  vaccinationOnly?: boolean;
}): Promise<ProvisionalIdentity> {
  const keys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(options.now.getTime() - 60_000);
  const notAfter = new Date(options.now.getTime() + (options.validityDays ?? 2 * 366) * 86_400_000);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (options.vaccinationOnly ?? true) {
    extensions.push(new x509.ExtendedKeyUsageExtension([DCC_KEY_USAGE_OIDS.v[0] as string]));
  }
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    // A positive 16-byte serial: the top bit cleared so DER does not read it as negative.
    serialNumber: (randomBytes(16)[0]! & 0x7f).toString(16).padStart(2, '0') + randomBytes(15).toString('hex'),
    name: [{ CN: [`Provisional DSC - ${options.siteName}`.slice(0, 64)] }, { O: [options.siteName.slice(0, 64)] }, { C: ['VN'] }],
    notBefore,
    notAfter,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    keys,
    extensions,
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    privateKey: createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }),
    certificateDer: new Uint8Array(certificate.rawData),
    certificatePem: certificate.toString('pem'),
  };
}
