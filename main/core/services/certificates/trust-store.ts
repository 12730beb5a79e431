import type { TrustEntry } from '../../../../preload/contract';
import type { CertificateQueries, TrustEntryRow } from '../../../../db/queries/certificates';
import { type TrustList, type TrustedSigner, createTrustList, kidKey, trustedSignerFromDer } from '../../../certificates/dcc/trust-list';
import { checkTrustedCertificate, countryOf, fingerprintOf, subjectLine } from '../../../certificates/keys/document-signer';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';

/**
 * The document signers whose certificates this station accepts: our own
 * provisional and national certificates (every one we ever signed with, so
 * old paper still verifies) and other issuers' certificates a supervisor
 * imported. Built into the codec's trust list once and rebuilt after a change.
 */
export class TrustStore {
  private cache: { list: TrustList; entries: Map<TrustedSigner, TrustEntryRow> } | null = null;

  constructor(
    private readonly store: Store,
    private readonly q: CertificateQueries,
  ) {}

  list(): TrustEntry[] {
    return this.q.trustEntries().map(toTrustEntry);
  }

  trustList(): TrustList {
    return this.built().list;
  }

  /** The entry behind a signer the codec found, to say whose signature it was. */
  entryFor(signer: TrustedSigner): TrustEntryRow | null {
    return this.built().entries.get(signer) ?? null;
  }

  add(actor: Actor, text: string, label: string | undefined): TrustEntry {
    const checked = checkTrustedCertificate(text);
    if (!checked.ok) throw new StationError(checked.code, 'the certificate cannot be trusted', checked.params);
    const { der } = checked.value;
    const existing = this.q.trustByFingerprint(fingerprintOf(der));
    if (existing) {
      throw new StationError(existing.source === 'imported' ? 'CERT_TRUST_DUPLICATE' : 'CERT_TRUST_OWN_KEY', 'already on the trust list', {
        subject: existing.subject,
      });
    }
    const entry = this.store.write(actor, (w) => {
      const row = this.insert(w, 'imported', null, der, label?.trim() || null);
      w.audit('certificates:addTrusted', 'trust_entry', row.id, null, { subject: row.subject, fingerprint: row.fingerprint, label: row.label });
      return row;
    });
    this.cache = null;
    return toTrustEntry(entry);
  }

  remove(actor: Actor, id: string): void {
    const row = this.q.trustEntry(id);
    if (!row) throw new StationError('NOT_FOUND', 'no such trust entry', { id });
    // Our own certificates stay: removing them would make the station's own paper fail to verify here.
    if (row.source !== 'imported') throw new StationError('CERT_TRUST_OWN_KEY', 'the station’s own certificates stay trusted', { subject: row.subject });
    this.store.write(actor, (w) => {
      this.q.removeTrust(id, w.at, actor.staffId);
      w.audit('certificates:removeTrusted', 'trust_entry', id, { subject: row.subject, fingerprint: row.fingerprint }, null);
    });
    this.cache = null;
  }

  /** Adds one of our own certificates inside the caller's transaction. */
  addOwn(w: WriteScope, source: 'own_provisional' | 'own_national', signingKeyId: string, der: Uint8Array): TrustEntryRow {
    const existing = this.q.trustByFingerprint(fingerprintOf(der));
    this.cache = null;
    return existing ?? this.insert(w, source, signingKeyId, der, null);
  }

  /** Forget the built list (after a transaction that added to it commits or fails). */
  invalidate(): void {
    this.cache = null;
  }

  private insert(w: WriteScope, source: TrustEntryRow['source'], signingKeyId: string | null, der: Uint8Array, label: string | null): TrustEntryRow {
    const parsed = trustedSignerFromDer(der);
    if (!parsed.ok) throw new StationError('CERT_DSC_UNREADABLE', 'certificate does not parse');
    const { certificate, kid } = parsed.value;
    const row: TrustEntryRow = {
      id: newId(),
      source,
      signingKeyId,
      certificateDer: Buffer.from(der),
      fingerprint: fingerprintOf(der),
      kid: kidKey(kid),
      subject: subjectLine(certificate),
      country: countryOf(certificate),
      validFrom: new Date(certificate.validFrom).toISOString(),
      validTo: new Date(certificate.validTo).toISOString(),
      label,
      addedAt: w.at,
      addedBy: w.actor?.staffId ?? null,
    };
    this.q.insertTrust(row);
    return row;
  }

  private built() {
    if (!this.cache) {
      const entries = new Map<TrustedSigner, TrustEntryRow>();
      for (const row of this.q.trustEntries()) {
        const signer = trustedSignerFromDer(new Uint8Array(row.certificateDer));
        if (signer.ok) entries.set(signer.value, row);
      }
      this.cache = { list: createTrustList([...entries.keys()]), entries };
    }
    return this.cache;
  }
}

function toTrustEntry(row: TrustEntryRow): TrustEntry {
  return {
    id: row.id,
    source: row.source,
    label: row.label,
    subject: row.subject,
    country: row.country,
    validFrom: row.validFrom,
    validTo: row.validTo,
    kid: row.kid,
    fingerprint: row.fingerprint,
    addedAt: row.addedAt,
  };
}
