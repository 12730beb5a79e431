import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJws, verifyJws } from '../../../main/certificates/keys/jws';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });

describe('the station’s JWS (RFC 7515, ES256)', () => {
  const jws = signJws(privateKey, { alg: 'ES256', kid: 'k1', typ: 'day-manifest+jws' }, '{"a":1}');

  it('verifies with the public key and gives back the header and payload', () => {
    expect(verifyJws(jws, spki)).toEqual({ ok: true, header: { alg: 'ES256', kid: 'k1', typ: 'day-manifest+jws' }, payload: '{"a":1}' });
    // A 64-byte R‖S signature, as JWA section 3.4 says, not DER.
    expect(Buffer.from(jws.split('.')[2]!, 'base64url')).toHaveLength(64);
  });

  it('refuses a changed payload, another key, another algorithm or a malformed token', () => {
    const [h, , s] = jws.split('.');
    expect(verifyJws(`${h}.${Buffer.from('{"a":2}').toString('base64url')}.${s}`, spki)).toMatchObject({ ok: false, reason: 'signature' });
    const other = createPublicKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey).export({ type: 'spki', format: 'der' });
    expect(verifyJws(jws, other)).toMatchObject({ ok: false, reason: 'signature' });
    const none = `${Buffer.from('{"alg":"none","kid":"k1"}').toString('base64url')}.${jws.split('.')[1]}.`;
    expect(verifyJws(none, spki)).toMatchObject({ ok: false, reason: 'algorithm' });
    expect(verifyJws('a.b', spki)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyJws('###.###.###', spki)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
