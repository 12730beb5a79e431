import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';

/**
 * Sealing secrets at rest with AES-256-GCM: the signing key's PKCS#8 under a
 * random data key, and that data key under a key from the OS key store or a
 * key derived from the supervisor's passphrase. GCM authenticates, so a
 * tampered or mis-keyed blob fails to open instead of yielding garbage; the
 * associated data binds each blob to its row and purpose, so a blob copied
 * into another row does not open either.
 */
export interface SealedBlob {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

export interface PassphraseSealedBlob extends SealedBlob {
  kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
}

export const DATA_KEY_BYTES = 32;

/**
 * scrypt cost: N = 2^15, r = 8 (32 MB, about a tenth of a second here). A
 * passphrase is typed once per start of the station, so the wait is paid
 * rarely, and guessing offline costs the same per try.
 */
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): SealedBlob {
  if (key.length !== DATA_KEY_BYTES) throw new Error('sealing needs a 256-bit key');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The plaintext, or null when the key is wrong or the blob was altered. */
export function open(key: Buffer, blob: SealedBlob, associatedData: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(blob.iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(blob.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, DATA_KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function sealWithPassphrase(passphrase: string, plaintext: Buffer, associatedData: string): Promise<PassphraseSealedBlob> {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, SCRYPT);
  return { ...seal(key, plaintext, associatedData), kdf: { name: 'scrypt', salt: salt.toString('base64'), ...SCRYPT } };
}

export async function openWithPassphrase(passphrase: string, blob: PassphraseSealedBlob, associatedData: string): Promise<Buffer | null> {
  const { salt, N, r, p } = blob.kdf;
  // Parameters come from our own database, but a tampered row must not make scrypt allocate gigabytes.
  if (N > 1 << 20 || r > 32 || p > 4) return null;
  const key = await deriveKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  return open(key, blob, associatedData);
}
