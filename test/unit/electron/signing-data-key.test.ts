import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParentChannel } from '../../../main/core-process/parent-channel';
import { serveCore } from '../../../main/core-process/serve-core';
import { loadSigningDataKey, type SafeStorageLike } from '../../../main/electron/signing-data-key';
import { ok, setUpSite, startTestStation } from '../../support/station';
import { type FakeUtilityProcess } from './fakes';

const forked = vi.hoisted(() => [] as FakeUtilityProcess[]);
vi.mock('electron', async () => (await import('./fakes')).electronWithUtilityProcess(forked));
const { startCoreHost } = await import('../../../main/electron/core-host');

/** safeStorage as this OS user's key store would behave: only it can decrypt what it encrypted. */
function fakeSafeStorage(user = 'nurse', backend = 'gnome_libsecret'): SafeStorageLike {
  const mask = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ user.charCodeAt(i % user.length)));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.concat([Buffer.from(`v10:${user}:`), mask(Buffer.from(text))]),
    decryptString: (data) => {
      const prefix = `v10:${user}:`;
      if (!data.subarray(0, prefix.length).equals(Buffer.from(prefix))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return mask(data.subarray(prefix.length)).toString();
    },
  };
}

const dir = () => mkdtempSync(join(tmpdir(), 'station-key-'));

beforeEach(() => void (forked.length = 0));

describe('the OS-protected data key (Electron main process)', () => {
  it('is created once, stored only encrypted, and read back the same on the next start', () => {
    const file = join(dir(), 'signing-data-key.bin');
    const first = loadSigningDataKey(fakeSafeStorage(), file, 'linux');
    expect(first).toMatchObject({ created: true });
    expect(Buffer.from(first.key!, 'base64')).toHaveLength(32);
    expect(readFileSync(file).toString('latin1')).not.toContain(first.key!);
    expect(loadSigningDataKey(fakeSafeStorage(), file, 'linux')).toEqual({ key: first.key, created: false });
  });

  it('hands over nothing without real OS protection, and never overwrites a key it cannot read', () => {
    const file = join(dir(), 'signing-data-key.bin');
    expect(loadSigningDataKey(undefined, file)).toEqual({ key: null, reason: 'unavailable' });
    expect(loadSigningDataKey({ ...fakeSafeStorage(), isEncryptionAvailable: () => false }, file)).toEqual({ key: null, reason: 'unavailable' });
    expect(loadSigningDataKey(fakeSafeStorage('nurse', 'basic_text'), file, 'linux')).toEqual({ key: null, reason: 'insecure-backend' });
    expect(existsSync(file)).toBe(false);
    loadSigningDataKey(fakeSafeStorage('nurse'), file, 'linux');
    const stored = readFileSync(file);
    expect(loadSigningDataKey(fakeSafeStorage('someone-else'), file, 'linux')).toEqual({ key: null, reason: 'unreadable' });
    expect(readFileSync(file)).toEqual(stored);
    writeFileSync(file, fakeSafeStorage('nurse').encryptString('c2hvcnQ='));
    expect(loadSigningDataKey(fakeSafeStorage('nurse'), file, 'linux')).toEqual({ key: null, reason: 'unreadable' });
  });

  it('reaches the core before the first call, and opens a signing key sealed with it', async () => {
    const key = Buffer.alloc(32, 5).toString('base64');
    const host = startCoreHost({ modulePath: '/app/core.cjs', databasePath: '/data/s.sqlite', signingDataKey: key, onEvent: () => {}, onCrash: () => {} });
    const call = host.call('certificates:status', {}, 'wc-1');
    forked[0]!.reply({ type: 'ready' });
    await host.ready;
    await new Promise((r) => setImmediate(r));
    const types = forked[0]!.posted.map((m) => (m as { type: string }).type);
    expect(types).toEqual(['signing-data-key', 'call']);
    expect(forked[0]!.posted[0]).toEqual({ type: 'signing-data-key', key });
    void call;

    // The core side: a station whose key was sealed under this OS key, restarted, opens it on the message.
    const t = startTestStation();
    try {
      const { sup } = await setUpSite(t);
      t.station.services.certificates.keys.provideOsKey(Buffer.from(key, 'base64'));
      ok(await sup.certificates.createSigningKey({}));
      t.restart();
      expect(t.station.services.certificates.keys.status().key).toBe('locked');
      let deliver: (m: unknown) => void = () => {};
      const channel: ParentChannel = { send: async () => {}, onMessage: (l) => (deliver = l), onDisconnect: () => {} };
      serveCore(t.station, channel, () => {});
      deliver({ type: 'signing-data-key', key: 'not base64 at all' });
      expect(t.station.services.certificates.keys.status().key).toBe('locked');
      deliver({ type: 'signing-data-key', key });
      expect(t.station.services.certificates.keys.status().key).toBe('ready');
    } finally {
      t.close();
    }
  });
});
