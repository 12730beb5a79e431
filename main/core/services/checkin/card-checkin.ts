import type { AppliedCorrection, CardIdentity, CheckInResult, RegistrationMatch, ScanResult, ScanSource } from '../../../../preload/contract';
import type { CitizenRecord } from '../../../../db/queries/citizens';
import { classifyScan } from '../../../domain/cccd';
import { nameKey } from '../../../domain/names';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import type { ConflictHolder, IdentityConflicts } from '../close-of-day/conflicts';
import type { VisitQueue } from '../visits';
import { chooseRegistration, describeMatch, findRegistration, type MatchChoice, type Registration } from './matcher';
import { readingView } from './reading-view';
import type { RecentScan, RecentScans } from './recent-scans';
import { checkinSourceOf, openPlanIn, openVisit, refuseIfCheckedIn, refuseIfTargetCheckedIn } from './visit-writer';

/**
 * Check-in from the ID card: read the scan, show who it matches and how the
 * registration differs, then check the holder in with the card's data. The
 * card wins: each registered value it replaces is recorded as an identity
 * correction (who, when, before, after, source 'card').
 */
export class CardCheckIn {
  constructor(
    private readonly store: Store,
    private readonly visits: VisitQueue,
    private readonly scans: RecentScans,
    private readonly conflicts: IdentityConflicts,
  ) {}

  /** Reads scanned text from any source; the result is kept for the confirmation. */
  read(text: string, source: ScanSource): RecentScan {
    const now = this.store.clock.now();
    return this.scans.add(classifyScan(text, { today: siteDay(now) }), source, now);
  }

  scan(text: string, source: ScanSource): ScanResult {
    return this.result(this.read(text, source));
  }

  getScan(scanId: string): ScanResult {
    return this.result(this.recent(scanId));
  }

  compare(scanId: string, choice: MatchChoice): RegistrationMatch {
    const card = cardOf(this.recent(scanId));
    const today = siteDay(this.store.clock.now());
    const planId = this.store.q.visits.openPlanIdOn(today);
    return describeMatch(this.store.q, card, chooseRegistration(this.store.q, card, planId, choice), today);
  }

  confirm(actor: Actor, scanId: string, choice: MatchChoice, acceptCorrections: boolean): CheckInResult {
    const scan = this.recent(scanId);
    const card = cardOf(scan);
    const refusal: { planId: string; holder: ConflictHolder }[] = [];
    try {
      return this.checkIn(actor, scan, card, choice, acceptCorrections, (r) => refusal.push(r));
    } catch (err) {
      // The refusal rolled its transaction back; the conflict is kept for the supervisor in one of its own.
      for (const r of refusal) this.conflicts.record(actor, r.planId, card, r.holder);
      throw err;
    }
  }

  private checkIn(
    actor: Actor,
    scan: RecentScan,
    card: CardIdentity,
    choice: MatchChoice,
    acceptCorrections: boolean,
    onOtherPerson: (r: { planId: string; holder: ConflictHolder }) => void,
  ): CheckInResult {
    const done = this.store.write(actor, (w) => {
      const today = siteDay(new Date(w.at));
      const planId = openPlanIn(w, today);
      // Matched again inside the transaction: another desk may have checked someone in since the scan.
      const reg = chooseRegistration(w.q, card, planId, choice);
      const match = describeMatch(w.q, card, reg, today);
      if (match.otherPerson && actor.role !== 'supervisor') {
        const holder = reg.citizen ?? reg.target;
        onOtherPerson({
          planId,
          holder: { citizenId: reg.citizen?.id ?? null, targetId: reg.target?.id ?? null, fullName: holder?.fullName ?? '', dateOfBirth: holder?.dateOfBirth ?? '' },
        });
        throw new StationError('ID_NUMBER_OTHER_PERSON', 'the record with this number looks like another person', {
          fullName: holder?.fullName ?? '',
          idNumber: card.idNumber,
        });
      }
      if (reg.citizen) refuseIfCheckedIn(w.q, reg.citizen, today);
      refuseIfTargetCheckedIn(w.q, reg.target);
      if (match.diff.length > 0 && !acceptCorrections) {
        throw new StationError('CORRECTIONS_NOT_CONFIRMED', 'the registration differs from the card', { count: match.diff.length });
      }
      const citizenId = applyCard(w, card, reg);
      const corrections: AppliedCorrection[] = match.diff.map((d) => ({ field: d.field, before: d.registered, after: d.card }));
      for (const c of corrections) {
        w.q.citizens.insertCorrection({
          id: newId(),
          citizenId,
          targetId: reg.target?.id ?? null,
          field: c.field,
          before: c.before,
          after: c.after,
          source: 'card',
          staffId: actor.staffId,
          at: w.at,
        });
      }
      const visitId = openVisit(w, { planId, citizenId, target: reg.target, source: checkinSourceOf(scan.source) });
      // The card's holder is checked in (by a supervisor, or with the other record set aside): a conflict on the number is settled.
      this.conflicts.settle(w, planId, card.idNumber);
      return { visitId, corrections, newCitizen: reg.citizen === null };
    });
    return { visit: this.visits.get(done.visitId), corrections: done.corrections, newCitizen: done.newCitizen };
  }

  private recent(scanId: string): RecentScan {
    const scan = this.scans.get(scanId, this.store.clock.now());
    if (!scan) throw new StationError('SCAN_EXPIRED', 'scan again', { scanId });
    return scan;
  }

  private result(scan: RecentScan): ScanResult {
    const identity = scan.reading.kind === 'cccd' ? scan.reading.identity : null;
    let match: RegistrationMatch | null = null;
    if (identity) {
      const today = siteDay(this.store.clock.now());
      const planId = this.store.q.visits.openPlanIdOn(today);
      match = describeMatch(this.store.q, identity, findRegistration(this.store.q, identity, planId), today);
    }
    return { scanId: scan.id, source: scan.source, scannedAt: scan.at, reading: readingView(scan.reading), match };
  }
}

function cardOf(scan: RecentScan): CardIdentity {
  if (scan.reading.kind !== 'cccd' || !scan.reading.identity) throw new StationError('SCAN_NOT_A_CARD', 'that scan gave no identity', { kind: scan.reading.kind });
  return scan.reading.identity;
}

/** Writes the card's identity onto the citizen record (new or existing); returns its id. */
function applyCard(w: WriteScope, card: CardIdentity, reg: Registration): string {
  const existing = reg.citizen;
  const fromCard = {
    idNumber: card.idNumber,
    oldIdNumber: card.oldIdNumber ?? existing?.oldIdNumber ?? null,
    fullName: card.fullName,
    nameKey: nameKey(card.fullName),
    dateOfBirth: card.dateOfBirth,
    sex: card.sex,
    address: card.address || existing?.address || reg.target?.address || null,
    cardIssueDate: card.issueDate ?? existing?.cardIssueDate ?? null,
    verification: 'card' as const,
    updatedAt: w.at,
  };
  if (existing) {
    const after: CitizenRecord = { ...existing, ...fromCard };
    if (w.q.citizens.update(existing, after)) w.audit('checkin:card', 'citizen', existing.id, identityOf(existing), identityOf(after));
    return existing.id;
  }
  const created: CitizenRecord = {
    ...fromCard,
    id: newId(),
    passportNumber: null,
    nationality: null,
    phone: reg.target?.phone ?? null,
    createdAt: w.at,
    createdBy: w.actor?.staffId ?? null,
  };
  w.q.citizens.insert(created);
  w.audit('checkin:card', 'citizen', created.id, null, identityOf(created));
  return created.id;
}

function identityOf(c: CitizenRecord) {
  return { idNumber: c.idNumber, fullName: c.fullName, dateOfBirth: c.dateOfBirth, sex: c.sex, address: c.address, verification: c.verification };
}
