import { type KeyObject, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import type { SignerCertificateInfo, SigningStatus } from '../../../../preload/contract';
import type { CertificateQueries, SigningKeyRow } from '../../../../db/queries/certificates';
import { type DccSigner, createDccSigner } from '../../../certificates/dcc/sign';
import { createProvisionalIdentity } from '../../../certificates/dcc/provisional';
import { kidKey, kidOf } from '../../../certificates/dcc/trust-list';
import { createCertificateRequest } from '../../../certificates/keys/csr';
import { checkNationalCertificate, fingerprintOf, subjectLine } from '../../../certificates/keys/document-signer';
import {
  type PassphraseSealedBlob,
  type SealedBlob,
  DATA_KEY_BYTES,
  newDataKey,
  open,
  openWithPassphrase,
  seal,
  sealWithPassphrase,
} from '../../../certificates/keys/sealing';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { TrustStore } from './trust-store';

/** What signing uses now: the key, the certificate it is signed under, and whether that is the provisional one. */
export interface ActiveSigner {
  signer: DccSigner;
  provisional: boolean;
  trustEntryId: string | null;
}

/**
 * The station's signing key. It is generated here, sealed at rest, and never
 * leaves the core: the UI sees its status, its certificate request and its
 * certificates, never the key.
 *
 * At rest the PKCS#8 key is sealed (AES-256-GCM) under a random data key, and
 * the data key is sealed under one or both of:
 * - the OS key store's key: inside Electron the main process keeps a key
 *   protected by safeStorage (DPAPI, Keychain, libsecret) and hands it to the
 *   core when it starts, because safeStorage does not exist in the utility
 *   process the core runs in (see main/electron/signing-data-key.ts);
 * - a key derived with scrypt from a supervisor's passphrase, for browser mode
 *   and plain Node, where no OS key store is reachable.
 * Until one of them opens the key in this run, signing is locked; everything
 * else (printing stored certificates, verifying) works.
 */
export class SigningKeys {
  private osKey: Buffer | null = null;
  private unlocked: { keyId: string; privateKey: KeyObject } | null = null;
  private active: { cacheKey: string; value: ActiveSigner } | null = null;

  constructor(
    private readonly store: Store,
    private readonly q: CertificateQueries,
    private readonly trust: TrustStore,
  ) {}

  /** The desktop shell's OS-protected key arrived: open the signing key with it if it can. */
  provideOsKey(key: Buffer): void {
    if (key.length !== DATA_KEY_BYTES) return;
    this.osKey = Buffer.from(key);
    this.tryOsUnlock();
  }

  status(): SigningStatus {
    const row = this.q.activeKey();
    if (row && this.unlocked?.keyId !== row.id) this.tryOsUnlock();
    const national = row?.nationalCertificateDer ? info('national', row.nationalCertificateDer) : null;
    return {
      key: !row ? 'none' : this.unlocked?.keyId === row.id ? 'ready' : 'locked',
      protection: row ? { os: row.dataKeySealedOs !== null, passphrase: row.dataKeySealedPassphrase !== null } : null,
      osProtectionAvailable: this.osKey !== null,
      keyCreatedAt: row?.createdAt ?? null,
      provisional: row !== null && national === null,
      provisionalCertificate: row ? info('provisional', row.provisionalCertificateDer) : null,
      nationalCertificate: national,
    };
  }

  /**
   * Generates the P-256 key with its provisional self-signed certificate and
   * its certificate request. Sealed under the OS key when the desktop shell
   * gave one, and under the passphrase when one is given; at least one is needed.
   */
  async create(actor: Actor, options: { passphrase?: string | undefined; replace?: boolean | undefined }): Promise<SigningStatus> {
    const site = this.store.q.site.get();
    if (!site) throw new StationError('SETUP_REQUIRED', 'set the site up first');
    const current = this.q.activeKey();
    if (current && !options.replace) throw new StationError('CERT_SIGNING_KEY_EXISTS', 'the station already has a signing key');
    if (!this.osKey && !options.passphrase) throw new StationError('CERT_PASSPHRASE_REQUIRED', 'no OS key store here: a passphrase protects the key');

    const now = this.store.clock.now();
    const identity = await createProvisionalIdentity({ siteName: site.name, now });
    const csrPem = await createCertificateRequest({ privateKey: identity.privateKey, site });
    const id = newId();
    const dataKey = newDataKey();
    const pkcs8 = identity.privateKey.export({ type: 'pkcs8', format: 'der' });
    const sealedPrivateKey = JSON.stringify(seal(dataKey, pkcs8, `signing-key:${id}`));
    const sealedOs = this.osKey ? JSON.stringify(seal(this.osKey, dataKey, `data-key:os:${id}`)) : null;
    const sealedPassphrase = options.passphrase
      ? JSON.stringify(await sealWithPassphrase(options.passphrase, dataKey, `data-key:passphrase:${id}`))
      : null;

    try {
      this.store.write(actor, (w) => {
        if (current) {
          this.q.retireKey(current.id, w.at);
          w.audit('certificates:retireSigningKey', 'signing_key', current.id, { state: 'active' }, { state: 'retired' });
        }
        this.q.insertKey({
          id,
          publicKeyDer: createPublicKey(identity.privateKey).export({ type: 'spki', format: 'der' }),
          sealedPrivateKey,
          dataKeySealedOs: sealedOs,
          dataKeySealedPassphrase: sealedPassphrase,
          csrPem,
          provisionalCertificateDer: Buffer.from(identity.certificateDer),
          createdAt: w.at,
          createdBy: actor.staffId,
        });
        const entry = this.trust.addOwn(w, 'own_provisional', id, identity.certificateDer);
        // Never the key or the passphrase: only what identifies the key.
        w.audit('certificates:createSigningKey', 'signing_key', id, null, {
          protection: { os: sealedOs !== null, passphrase: sealedPassphrase !== null },
          provisionalFingerprint: entry.fingerprint,
        });
      });
    } finally {
      this.trust.invalidate();
    }
    this.unlocked = { keyId: id, privateKey: identity.privateKey };
    this.active = null;
    return this.status();
  }

  async unlock(passphrase: string): Promise<SigningStatus> {
    const row = this.requireKey();
    if (this.unlocked?.keyId === row.id) return this.status();
    if (!row.dataKeySealedPassphrase) throw new StationError('CERT_OS_PROTECTION_UNAVAILABLE', 'this key is protected by the OS key store of the desktop app');
    const blob = JSON.parse(row.dataKeySealedPassphrase) as PassphraseSealedBlob;
    const dataKey = await openWithPassphrase(passphrase, blob, `data-key:passphrase:${row.id}`);
    const privateKey = dataKey ? this.openPrivateKey(row, dataKey) : null;
    if (!privateKey) throw new StationError('CERT_PASSPHRASE_WRONG', 'the passphrase does not open the signing key');
    this.unlocked = { keyId: row.id, privateKey };
    this.active = null;
    return this.status();
  }

  exportCsr(): { pem: string; fileName: string } {
    const row = this.requireKey();
    const site = this.store.q.site.get();
    return { pem: row.csrPem, fileName: `${site?.code ?? 'station'}-dsc-request.csr` };
  }

  /**
   * Imports the national document-signer certificate. Checked against the
   * stored public key (no need to unlock), its dates and its key usage before
   * anything changes; a refusal leaves the current certificate in place.
   */
  importNational(actor: Actor, text: string): SigningStatus {
    const row = this.requireKey();
    const publicKey = createPublicKey({ key: row.publicKeyDer, format: 'der', type: 'spki' });
    const checked = checkNationalCertificate(text, publicKey, this.store.clock.now());
    if (!checked.ok) throw new StationError(checked.code, 'the document-signer certificate is refused', checked.params);
    const { der } = checked.value;
    try {
      this.store.write(actor, (w) => {
        this.q.setNationalCertificate(row.id, der, w.at, actor.staffId);
        const entry = this.trust.addOwn(w, 'own_national', row.id, der);
        w.audit(
          'certificates:importSignerCertificate',
          'signing_key',
          row.id,
          row.nationalCertificateDer ? { nationalFingerprint: fingerprintOf(row.nationalCertificateDer) } : null,
          { nationalFingerprint: entry.fingerprint, subject: entry.subject, validTo: entry.validTo },
        );
      });
    } finally {
      this.trust.invalidate();
    }
    this.active = null;
    return this.status();
  }

  /** The signer for new certificates, or a refusal saying why signing cannot happen now. */
  current(): ActiveSigner {
    const row = this.q.activeKey();
    if (!row) throw new StationError('CERT_NO_SIGNING_KEY', 'the station has no signing key yet');
    if (this.unlocked?.keyId !== row.id) this.tryOsUnlock();
    if (this.unlocked?.keyId !== row.id) throw new StationError('CERT_SIGNING_LOCKED', 'signing is locked until a supervisor unlocks it');
    const certificateDer = row.nationalCertificateDer ?? row.provisionalCertificateDer;
    // The key object and the signer are made once per key and certificate, not per certificate signed:
    // a national certificate's import time tells a new one apart without hashing it on every call.
    const cacheKey = `${row.id}:${row.nationalImportedAt ?? 'provisional'}`;
    if (this.active?.cacheKey !== cacheKey) {
      const created = createDccSigner({ privateKey: this.unlocked.privateKey, certificateDer: new Uint8Array(certificateDer) });
      if (!created.ok) throw new StationError(created.error.code, created.error.detail ?? 'signer');
      this.active = {
        cacheKey,
        value: {
          signer: created.value,
          provisional: row.nationalCertificateDer === null,
          trustEntryId: this.q.trustByFingerprint(fingerprintOf(certificateDer))?.id ?? null,
        },
      };
    }
    return this.active.value;
  }

  /**
   * The station key itself, open, for what the station signs besides
   * certificates (the day's manifest; the audit chain's head). Refused with
   * the same codes as signing a certificate: no key yet, or locked.
   */
  stationKey(): { row: SigningKeyRow; privateKey: KeyObject } {
    const row = this.requireKey();
    if (this.unlocked?.keyId !== row.id) this.tryOsUnlock();
    if (this.unlocked?.keyId !== row.id) throw new StationError('CERT_SIGNING_LOCKED', 'signing is locked until a supervisor unlocks it');
    return { row, privateKey: this.unlocked.privateKey };
  }

  private requireKey(): SigningKeyRow {
    const row = this.q.activeKey();
    if (!row) throw new StationError('CERT_NO_SIGNING_KEY', 'the station has no signing key yet');
    return row;
  }

  private tryOsUnlock(): void {
    const row = this.q.activeKey();
    if (!row || !this.osKey || !row.dataKeySealedOs) return;
    const dataKey = open(this.osKey, JSON.parse(row.dataKeySealedOs) as SealedBlob, `data-key:os:${row.id}`);
    const privateKey = dataKey ? this.openPrivateKey(row, dataKey) : null;
    if (privateKey) {
      this.unlocked = { keyId: row.id, privateKey };
      this.active = null;
    }
  }

  /** The private key, if the data key opens it and it is the key whose public half we stored. */
  private openPrivateKey(row: SigningKeyRow, dataKey: Buffer): KeyObject | null {
    const pkcs8 = open(dataKey, JSON.parse(row.sealedPrivateKey) as SealedBlob, `signing-key:${row.id}`);
    if (!pkcs8) return null;
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    return spki.equals(row.publicKeyDer) ? privateKey : null;
  }
}

function info(kind: SignerCertificateInfo['kind'], der: Buffer): SignerCertificateInfo {
  const certificate = new X509Certificate(der);
  return {
    kind,
    subject: subjectLine(certificate),
    issuer: certificate.issuer.split('\n').reverse().join(', '),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    kid: kidKey(kidOf(der)),
    fingerprint: fingerprintOf(der),
  };
}
