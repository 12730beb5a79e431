import { type KeyObject, createPublicKey, webcrypto } from 'node:crypto';
import { DCC_KEY_USAGE_OIDS } from '../../domain/dcc/key-usage';
import { x509 } from '../dcc/x509';

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * The PKCS#10 request the supervisor sends to the national authority. It asks
 * for a document-signer certificate for vaccination certificates only (key
 * usage digitalSignature, extended key usage "vaccination"), names the site,
 * and is signed with the station's key so the authority can check the request
 * came from the holder of that key. The private key itself never leaves the core.
 */
export async function createCertificateRequest(input: {
  privateKey: KeyObject;
  site: { code: string; name: string };
}): Promise<string> {
  const privateKey = await webcrypto.subtle.importKey('pkcs8', input.privateKey.export({ type: 'pkcs8', format: 'der' }), EC_P256, false, ['sign']);
  const publicKey = await webcrypto.subtle.importKey(
    'spki',
    createPublicKey(input.privateKey).export({ type: 'spki', format: 'der' }),
    EC_P256,
    true,
    ['verify'],
  );
  const request = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [
      { CN: [`DSC ${input.site.code}`.slice(0, 64)] },
      { O: [input.site.name.slice(0, 64)] },
      { C: ['VN'] },
    ],
    keys: { privateKey, publicKey },
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([DCC_KEY_USAGE_OIDS.v[0] as string]),
    ],
  });
  return request.toString('pem');
}
