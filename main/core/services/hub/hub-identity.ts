import { X509Certificate, createHash, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { x509 } from '../../../certificates/dcc/x509';
import type { HubIdentity } from './hub-secrets';

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** Long enough for the station's working life: desks pin the certificate, so renewing it means pairing every desk again. */
const VALIDITY_DAYS = 10 * 366;

/**
 * The hub's own TLS certificate: a P-256 key and a self-signed certificate
 * naming the machine (its host name, host.local, its LAN addresses, loopback).
 * No authority can vouch for a machine on a site's LAN, so desks pin the
 * certificate's fingerprint instead, shown on the hub and carried in its QR.
 * Browsers check the names; desktop desks check only the fingerprint, so a
 * LAN address that changes later does not break them.
 */
export async function createHubIdentity(options: { siteName: string; names: string[]; now: Date }): Promise<HubIdentity> {
  const keys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const names = [...new Set(['localhost', '127.0.0.1', ...options.names])];
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: (randomBytes(1)[0]! & 0x7f).toString(16).padStart(2, '0') + randomBytes(15).toString('hex'),
    name: [{ CN: ['Vaccination Station hub'] }, { O: [options.siteName.slice(0, 64) || 'Vaccination Station'] }, { C: ['VN'] }],
    notBefore: new Date(options.now.getTime() - 60_000),
    notAfter: new Date(options.now.getTime() + VALIDITY_DAYS * 86_400_000),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((n) => (isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const certificatePem = certificate.toString('pem');
  return {
    privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`,
    certificatePem,
    fingerprint: fingerprintOf(certificatePem),
  };
}

/** SHA-256 of a certificate's DER as `AB:CD:…` (what browsers show as the SHA-256 fingerprint). */
export function fingerprintOf(certificatePem: string | Buffer): string {
  return new X509Certificate(certificatePem).fingerprint256;
}

/**
 * The base64 SHA-256 of the certificate's public key (SPKI): what Chromium's
 * `--ignore-certificate-errors-spki-list` takes, so a browser desk can pin
 * the hub the way a desktop desk does.
 */
export function spkiPinOf(certificatePem: string): string {
  const spki = new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
