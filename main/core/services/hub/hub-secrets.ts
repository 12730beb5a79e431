import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HubIdentityRow, PairedDeskRow } from '../../../../db/queries/hub';
import { newId } from '../../ids';
import type { Store, WriteScope } from '../../store';

/**
 * The hub's secrets, kept in one place: the private key of its TLS
 * certificate and the desks' credentials. Everything that reads or writes
 * them goes through here, so sealing them at rest (as the signing key is)
 * changes this module only.
 *
 * A desk's credential is `<desk id>.<secret>`: 32 random bytes the desk
 * keeps, of which the hub keeps only the SHA-256 (the secret is random, so a
 * slow hash would add nothing).
 */
export interface HubIdentity {
  privateKeyPem: string;
  certificatePem: string;
  /** SHA-256 of the certificate's DER, `AB:CD:…`, what desks pin. */
  fingerprint: string;
}

export interface NewDeskCredential {
  deskId: string;
  /** Given to the desk once, never stored here. */
  credential: string;
  credentialHash: string;
}

const CREDENTIAL = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export class HubSecrets {
  constructor(private readonly store: Store) {}

  identity(): HubIdentity | null {
    const row = this.store.q.hub.identity();
    return row ? { privateKeyPem: row.privateKeyPem, certificatePem: row.certificatePem, fingerprint: row.fingerprint } : null;
  }

  saveIdentity(w: WriteScope, identity: HubIdentity): void {
    const row: HubIdentityRow = { ...identity, createdAt: w.at };
    w.q.hub.putIdentity(row);
  }

  newDeskCredential(): NewDeskCredential {
    const deskId = newId();
    const secret = randomBytes(32).toString('base64url');
    return { deskId, credential: `${deskId}.${secret}`, credentialHash: hashOf(secret) };
  }

  /** The desk a credential belongs to, if it is well-formed and its secret matches (revoked or not: the caller says which). */
  deskOf(credential: string | null | undefined): PairedDeskRow | null {
    const m = credential ? CREDENTIAL.exec(credential) : null;
    if (!m) return null;
    const desk = this.store.q.hub.desk(m[1]!);
    if (!desk) return null;
    const a = Buffer.from(hashOf(m[2]!), 'hex');
    const b = Buffer.from(desk.credentialHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b) ? desk : null;
  }
}

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
