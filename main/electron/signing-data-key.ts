import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The key that seals the station's signing key at rest, protected by the OS
 * key store (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux)
 * through Electron's safeStorage.
 *
 * safeStorage exists only in Electron's main process, and the core runs in a
 * utility process that has no access to it. So the main process keeps this
 * 32-byte data key in a file beside the database, encrypted by safeStorage,
 * decrypts it at start and hands it to the core over the host protocol
 * (`signing-data-key`, see core-host.ts). The core seals and opens the signing
 * key with it; the signing key itself never comes to this process.
 *
 * No key is handed over (the core then asks a supervisor for a passphrase)
 * when encryption is unavailable, when Linux falls back to its 'basic_text'
 * backend (a password built into Chromium: no protection at all), or when the
 * file cannot be decrypted (another OS user, a copied profile). A file that
 * does not decrypt is left in place: replacing it would orphan the key it seals.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export type DataKeyOutcome =
  | { key: string; created: boolean }
  | { key: null; reason: 'unavailable' | 'insecure-backend' | 'unreadable' };

const KEY_BYTES = 32;

export function loadSigningDataKey(safeStorage: SafeStorageLike | undefined, file: string, platform: NodeJS.Platform = process.platform): DataKeyOutcome {
  if (!safeStorage || !safeStorage.isEncryptionAvailable()) return { key: null, reason: 'unavailable' };
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return { key: null, reason: 'insecure-backend' };
  if (existsSync(file)) {
    try {
      const key = safeStorage.decryptString(readFileSync(file));
      return Buffer.from(key, 'base64').length === KEY_BYTES ? { key, created: false } : { key: null, reason: 'unreadable' };
    } catch {
      return { key: null, reason: 'unreadable' };
    }
  }
  const key = randomBytes(KEY_BYTES).toString('base64');
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}
