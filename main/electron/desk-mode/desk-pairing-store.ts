import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { DeskPairing } from '../../desk/hub-pairing';
import type { SafeStorageLike } from '../signing-data-key';

/**
 * Where the desktop app in desk mode keeps its pairing: the hub's address,
 * its pinned certificate and this desk's credential, in one file in the
 * user's data folder. The credential is encrypted by the OS key store
 * (safeStorage) where there is one; elsewhere the file is readable by this
 * OS user only. The file's presence is what makes the app start as a desk.
 */
const Stored = z.object({
  v: z.literal(1),
  hubAddress: z.string().min(1).max(300),
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  certificatePem: z.string().max(16_384),
  deskId: z.string().max(100),
  deskName: z.string().max(100),
  /** base64 of safeStorage's encryption, or the credential itself when `sealed` is false. */
  credential: z.string().max(1000),
  sealed: z.boolean(),
});

export function loadDeskPairing(safeStorage: SafeStorageLike | undefined, file: string): DeskPairing | null {
  if (!existsSync(file)) return null;
  try {
    const stored = Stored.parse(JSON.parse(readFileSync(file, 'utf8')));
    const credential = stored.sealed ? safeStorage!.decryptString(Buffer.from(stored.credential, 'base64')) : stored.credential;
    return { hubAddress: stored.hubAddress, fingerprint: stored.fingerprint, certificatePem: stored.certificatePem, deskId: stored.deskId, deskName: stored.deskName, credential };
  } catch (err) {
    // Unreadable (another OS user, a damaged file): the app starts as a local station and says why; the file is left for a technician.
    console.warn(`[shell] the desk pairing in ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export function saveDeskPairing(safeStorage: SafeStorageLike | undefined, file: string, pairing: DeskPairing): void {
  const sealed = !!safeStorage?.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  const stored: z.infer<typeof Stored> = {
    v: 1,
    hubAddress: pairing.hubAddress,
    fingerprint: pairing.fingerprint,
    certificatePem: pairing.certificatePem,
    deskId: pairing.deskId,
    deskName: pairing.deskName,
    credential: sealed ? safeStorage!.encryptString(pairing.credential).toString('base64') : pairing.credential,
    sealed,
  };
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
}

export function forgetDeskPairing(file: string): void {
  rmSync(file, { force: true });
}
