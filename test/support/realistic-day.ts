import type { DiscardReason, PlanDetail, StationApi, WasteReason } from '../../preload/contract';
import { previewFile } from './target-upload';
import { COVID19_ADULT_V1 } from '../../main/domain/screening';
import { addDays, ageInYears } from '../../main/domain/site-time';
import { syntheticPeople, type SyntheticPerson } from '../../main/core/services/synthetic-people';
import { cardPayload } from './checkin';
import { adultAnswers } from './clinical-fixtures';
import { ok, SITE, type TestStation } from './station';

/**
 * A realistic site day generated through the core's contract, desk by desk:
 * a target list with several groups, check-in by card (and walk-ins), the
 * screening checklist (with deferrals, contraindications and referrals),
 * doses from three lots drawn from vials the injection desk opens, wastes and
 * discards, observation and release, two adverse events, a dose correction,
 * an identity conflict refused at check-in, and people still waiting at the
 * end. Events run in time order on the core's clock from 08:00 site time.
 *
 * Alongside, the generator keeps its own tally of everything it did, counted
 * from its own actions and never read back from the station: the
 * integration test checks each reconciliation figure against it.
 */

export const PASSPHRASE = 'mật khẩu trạm tiêm 2026';

export interface DayShape {
  /** People checked in (card scans); `leaveBeforeScreening` + … + vaccinated add up to it. */
  people: number;
  leaveBeforeScreening: number;
  deferredFever: number;
  deferredAcuteIllness: number;
  refused: number;
  referredImmunodeficiency: number;
  referredBloodPressure: number;
  leaveAfterScreening: number;
  /** Vaccinated people left in observation at the end of the day (the rest are released). */
  stillInObservation: number;
  /** Of every 10 people, how many are on the target list (the rest walk in). */
  onListPerTen: number;
}

export const THOUSAND_DOSES: DayShape = {
  people: 1200,
  leaveBeforeScreening: 25,
  deferredFever: 60,
  deferredAcuteIllness: 40,
  refused: 30,
  referredImmunodeficiency: 20,
  referredBloodPressure: 15,
  leaveAfterScreening: 10,
  stillInObservation: 2,
  onListPerTen: 8,
};

export const LOTS = [
  { productCode: 'comirnaty', lotNumber: 'FK5127', vialsReceived: 100, dosesPerVial: 6, inUseHours: 6 },
  { productCode: 'vaxzevria', lotNumber: 'ABV5811', vialsReceived: 40, dosesPerVial: 10, inUseHours: 6 },
  { productCode: 'spikevax', lotNumber: '094F21A', vialsReceived: 30, dosesPerVial: 10, inUseHours: 12 },
] as const;
type LotCode = (typeof LOTS)[number]['lotNumber'];

const GROUPS = ['health_workers', 'elderly_65_plus', 'chronic_conditions', 'teachers', 'adults_18_plus'] as const;

export interface LotTally {
  lotId: string;
  vialsReceived: number;
  dosesPerVial: number;
  vialsOpened: number;
  administered: number;
  drawn: number;
  /** Doses lost: recorded waste and the rest of each discarded vial. */
  wasted: number;
  discards: Map<DiscardReason, { vials: number; doses: number }>;
  waste: Map<WasteReason, number>;
}

export interface DayTally {
  checkedIn: number;
  screened: number;
  eligible: number;
  deferred: number;
  refused: number;
  referred: number;
  deferredReasons: Map<string, number>;
  refusedReasons: Map<string, number>;
  referredReasons: Map<string, number>;
  vaccinated: number;
  leftBeforeInjection: number;
  inObservation: number;
  released: number;
  targetsOnList: number;
  targetsCheckedIn: number;
  targetsVaccinated: number;
  notOnList: number;
  byGroup: Map<string | null, { targets: number; vaccinated: number }>;
  byAgeBand: Map<string, number>;
  byHour: Map<number, number>;
  byProductDose: Map<string, number>;
  lots: Map<LotCode, LotTally>;
  aefi: { total: number; serious: number; mild: number; moderate: number; severe: number; followedUp: number };
  corrected: number;
  identityConflicts: number;
}

export interface GeneratedDay {
  plan: PlanDetail;
  sup: StationApi;
  nurse: StationApi;
  tally: DayTally;
  /** The visits still in observation, the event without follow-up, the conflict: what the work list must show. */
  open: { inObservation: string[]; aefiWithoutFollowUp: string[]; conflicts: number };
  /** A nurse's id, for counting stock (the supervisor verifies). */
  nurseStaffId: string;
}

/** Site time 08:00 on the test's day (UTC+7). */
function atSite(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T01:00:00.000Z`) + minutes * 60_000);
}

/** Age band of the report, computed here on its own from the date of birth. */
function band(dateOfBirth: string, day: string): string {
  const age = ageInYears(dateOfBirth, day);
  if (age >= 65) return '65+';
  if (age >= 50) return '50-64';
  if (age >= 18) return '18-49';
  if (age >= 12) return '12-17';
  if (age >= 5) return '5-11';
  return '0-4';
}

type Fate =
  | 'leave-before-screening'
  | 'deferred-fever'
  | 'deferred-acute'
  | 'refused'
  | 'referred-immuno'
  | 'referred-bp'
  | 'leave-after-screening'
  | 'vaccinated';

function fates(shape: DayShape): Fate[] {
  const list: Fate[] = [];
  const add = (fate: Fate, n: number) => list.push(...Array.from({ length: n }, () => fate));
  add('leave-before-screening', shape.leaveBeforeScreening);
  add('deferred-fever', shape.deferredFever);
  add('deferred-acute', shape.deferredAcuteIllness);
  add('refused', shape.refused);
  add('referred-immuno', shape.referredImmunodeficiency);
  add('referred-bp', shape.referredBloodPressure);
  add('leave-after-screening', shape.leaveAfterScreening);
  add('vaccinated', shape.people - list.length);
  // Spread the outcomes through the day, the same way every run.
  const out: Fate[] = new Array<Fate>(list.length);
  const stride = 7;
  let k = 0;
  for (let start = 0; start < stride; start++) for (let i = start; i < list.length; i += stride) out[i] = list[k++]!;
  return out;
}

interface OpenVial {
  id: string;
  left: number;
  expiresAt: number;
}

/** Generates the day on a fresh station (`t`, clock frozen at the day's date). */
export async function generateDay(t: TestStation, day: string, shape: DayShape = THOUSAND_DOSES): Promise<GeneratedDay> {
  t.clock.set(atSite(day, -60));
  const sup = t.desk('supervisor');
  ok(await sup.setup.initialize({ site: SITE, supervisor: { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' } }));
  ok(await sup.auth.login({ username: 'giamsat', pin: '2468' }));
  ok(await sup.settings.update({ idleLockMinutes: 240 }));
  const nurseStaff = ok(await sup.staff.create({ fullName: 'Lê Văn Y Tá', username: 'yta1', role: 'nurse', pin: '1357' }));
  ok(await sup.staff.create({ fullName: 'Phạm Thị Tiêm', username: 'yta2', role: 'nurse', pin: '1357' }));
  ok(await sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));

  const all = [...syntheticPeople(shape.people * 2, 20260310)].filter((p) => p.idNumber && ageInYears(p.dateOfBirth, day) >= 18 && ageInYears(p.dateOfBirth, day) <= 80);
  const people = all.slice(0, shape.people);
  const onList = people.filter((_, i) => i % 10 < shape.onListPerTen);
  const listOnly = all.slice(shape.people, shape.people + 60); // on the list, never came
  const groupOf = new Map<string, string>();
  [...onList, ...listOnly].forEach((p, i) => groupOf.set(p.idNumber!, GROUPS[i % GROUPS.length]!));

  const plan0 = ok(await sup.plan.create({ sessionDate: day, period: 'all_day', location: 'Hội trường Trạm Y tế Phường Bến Nghé', plannedCapacity: 1100, targetGroups: [...GROUPS] }));
  for (const lot of LOTS) {
    ok(await sup.plan.addLot({ planId: plan0.id, productCode: lot.productCode, lotNumber: lot.lotNumber, expiryDate: addDays(day, 120), vialsReceived: lot.vialsReceived, dosesPerVial: lot.dosesPerVial }));
  }
  const csv = ['so_cccd,ho_ten,ngay_sinh,gioi_tinh,nhom_doi_tuong'];
  for (const p of [...onList, ...listOnly]) {
    const [y, m, d] = p.dateOfBirth.split('-');
    csv.push([p.idNumber, p.fullName, `${d}/${m}/${y}`, p.sex === 'male' ? 'Nam' : 'Nữ', groupOf.get(p.idNumber!)].join(','));
  }
  const preview = ok(await previewFile(sup, plan0.id, 'danh-sach.csv', csv.join('\r\n')));
  if (preview.invalidRows > 0) throw new Error(`list refused: ${JSON.stringify(preview.report.slice(0, 3))}`);
  ok(await sup.targets.confirmImport({ previewId: preview.previewId }));
  t.clock.set(atSite(day, -5));
  const plan = ok(await sup.plan.open({ id: plan0.id }));
  const lotIds = new Map(plan.lots.map((l) => [l.lotNumber as LotCode, l.id]));

  const desk = async (username: string) => {
    const api = t.desk(username);
    ok(await api.auth.login({ username, pin: '1357' }));
    return api;
  };
  const checkin = await desk('yta1');
  const screening = await desk('yta2');
  const injection = await desk('yta1');
  const observation = await desk('yta2');

  const tally: DayTally = {
    checkedIn: 0,
    screened: 0,
    eligible: 0,
    deferred: 0,
    refused: 0,
    referred: 0,
    deferredReasons: new Map(),
    refusedReasons: new Map(),
    referredReasons: new Map(),
    vaccinated: 0,
    leftBeforeInjection: 0,
    inObservation: 0,
    released: 0,
    targetsOnList: onList.length + listOnly.length,
    targetsCheckedIn: 0,
    targetsVaccinated: 0,
    notOnList: 0,
    byGroup: new Map(),
    byAgeBand: new Map(),
    byHour: new Map(),
    byProductDose: new Map(),
    lots: new Map(
      LOTS.map((l) => [
        l.lotNumber,
        { lotId: lotIds.get(l.lotNumber)!, vialsReceived: l.vialsReceived, dosesPerVial: l.dosesPerVial, vialsOpened: 0, administered: 0, drawn: 0, wasted: 0, discards: new Map(), waste: new Map() },
      ]),
    ),
    aefi: { total: 0, serious: 0, mild: 0, moderate: 0, severe: 0, followedUp: 0 },
    corrected: 0,
    identityConflicts: 0,
  };
  for (const g of GROUPS) tally.byGroup.set(g, { targets: 0, vaccinated: 0 });
  tally.byGroup.set(null, { targets: 0, vaccinated: 0 });
  for (const id of groupOf.keys()) tally.byGroup.get(groupOf.get(id)!)!.targets++;
  const bump = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

  // Vials as the injection desk sees them: the open one of each lot, its doses left and in-use end.
  const open = new Map<LotCode, OpenVial>();
  const openVial = async (lot: (typeof LOTS)[number]) => {
    const vial = ok(await injection.vials.open({ lotId: lotIds.get(lot.lotNumber)! }));
    tally.lots.get(lot.lotNumber)!.vialsOpened++;
    const v = { id: vial.id, left: lot.dosesPerVial, expiresAt: Date.parse(vial.expiresAt) };
    open.set(lot.lotNumber, v);
    return v;
  };
  const discard = async (lot: LotCode, reason: DiscardReason) => {
    const v = open.get(lot)!;
    ok(await injection.vials.discard({ vialId: v.id, reason }));
    const lt = tally.lots.get(lot)!;
    lt.wasted += v.left;
    const d = lt.discards.get(reason) ?? { vials: 0, doses: 0 };
    d.vials++;
    d.doses += v.left;
    lt.discards.set(reason, d);
    open.delete(lot);
  };

  interface Event {
    at: number;
    seq: number;
    run: () => Promise<void>;
  }
  const events: Event[] = [];
  let seq = 0;
  // Kept in time order; an event may schedule another (a release once the dose says when observation ends).
  const schedule = (minutes: number, run: () => Promise<void>) => {
    const e = { at: minutes, seq: seq++, run };
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid]!.at <= minutes) lo = mid + 1;
      else hi = mid;
    }
    events.splice(lo, 0, e);
  };

  const visitOf = new Map<number, string>();
  const doseOf = new Map<number, string>();
  const observing = new Set<number>();
  const fateList = fates(shape);
  let vaccinatedSoFar = 0;
  const vaccinatedTotal = fateList.filter((f) => f === 'vaccinated').length;
  const keepInObservation = new Set<number>();

  people.forEach((p: SyntheticPerson, i: number) => {
    const t0 = i * 0.37; // minutes after 08:00: 1,200 people by about 15:25
    const fate = fateList[i]!;
    const listed = i % 10 < shape.onListPerTen;
    schedule(t0, async () => {
      const [y, m, d] = p.dateOfBirth.split('-');
      const scan = ok(await checkin.checkin.scan({ text: cardPayload({ idNumber: p.idNumber!, fullName: p.fullName, dateOfBirth: `${d}${m}${y}`, sex: p.sex === 'male' ? 'Nam' : 'Nữ' }), source: 'wedge' }));
      const done = ok(await checkin.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }));
      visitOf.set(i, done.visit.visitId);
      tally.checkedIn++;
      if (listed) tally.targetsCheckedIn++;
    });
    if (fate === 'leave-before-screening') {
      schedule(t0 + 5, async () => {
        ok(await checkin.queue.leave({ visitId: visitOf.get(i)!, outcome: 'left', note: 'Chờ lâu, xin về' }));
        tally.leftBeforeInjection++;
      });
      return;
    }
    schedule(t0 + 1, async () => {
      const changes: Record<string, string | number | boolean> = { 'bp-systolic': 120, 'bp-diastolic': 80 };
      if (fate === 'deferred-fever') changes.temperature = 38.4;
      if (fate === 'deferred-acute') changes['acute-illness'] = true;
      if (fate === 'refused') Object.assign(changes, { 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'unknown' });
      if (fate === 'referred-immuno') changes['severe-immunodeficiency'] = true;
      if (fate === 'referred-bp') Object.assign(changes, { 'bp-systolic': 186, 'bp-diastolic': 96 });
      const rec = ok(
        await screening.screening.record({ visitId: visitOf.get(i)!, formId: COVID19_ADULT_V1.id, formVersion: COVID19_ADULT_V1.version, answers: adultAnswers(changes, p.sex) }),
      );
      tally.screened++;
      if (fate === 'deferred-fever' || fate === 'deferred-acute') {
        tally.deferred++;
        bump(tally.deferredReasons, fate === 'deferred-fever' ? 'FEVER' : 'ACUTE_ILLNESS');
      } else if (fate === 'refused') {
        tally.refused++;
        bump(tally.refusedReasons, 'ANAPHYLAXIS_PRIOR_DOSE_TYPE_UNKNOWN');
      } else if (fate === 'referred-immuno' || fate === 'referred-bp') {
        tally.referred++;
        bump(tally.referredReasons, fate === 'referred-immuno' ? 'IMMUNODEFICIENCY' : 'BLOOD_PRESSURE_SEVERELY_HIGH');
      } else tally.eligible++;
      const expected = { 'deferred-fever': 'postponed', 'deferred-acute': 'postponed', refused: 'contraindicated', 'referred-immuno': 'referred', 'referred-bp': 'referred' }[fate as string] ?? 'injection';
      if (rec.nextStep !== expected) throw new Error(`person ${i} (${fate}) went to ${rec.nextStep}, not ${expected}`);
    });
    if (fate === 'leave-after-screening') {
      schedule(t0 + 2, async () => {
        ok(await injection.queue.leave({ visitId: visitOf.get(i)!, outcome: 'left', note: 'Đổi ý, không tiêm hôm nay' }));
        tally.leftBeforeInjection++;
      });
      return;
    }
    if (fate !== 'vaccinated') return;
    const n = vaccinatedSoFar++;
    const lot = n % 10 < 5 ? LOTS[0] : n % 10 < 8 ? LOTS[1] : LOTS[2];
    schedule(t0 + 2, async () => {
      const now = t.clock.now().getTime();
      let vial = open.get(lot.lotNumber);
      if (vial && vial.expiresAt <= now) {
        await discard(lot.lotNumber, 'in_use_time_over');
        vial = undefined;
      }
      vial ??= await openVial(lot);
      const recorded = ok(await injection.doses.record({ visitId: visitOf.get(i)!, lotId: lotIds.get(lot.lotNumber)!, vialId: vial.id }));
      doseOf.set(i, recorded.dose.id);
      // The last vaccinated people are still being watched when the day is closed; the others go home when due.
      if (n >= vaccinatedTotal - shape.stillInObservation) keepInObservation.add(i);
      else {
        const dueIn = (Date.parse(recorded.observation.dueAt) - Date.parse(`${day}T01:00:00.000Z`)) / 60_000;
        schedule(dueIn + 1, async () => {
          ok(await observation.observation.release({ visitId: visitOf.get(i)! }));
          observing.delete(i);
          tally.released++;
        });
      }
      vial.left--;
      const lt = tally.lots.get(lot.lotNumber)!;
      lt.administered++;
      lt.drawn++;
      if (vial.left === 0) open.delete(lot.lotNumber);
      tally.vaccinated++;
      observing.add(i);
      if (listed) {
        tally.targetsVaccinated++;
        tally.byGroup.get(groupOf.get(p.idNumber!)!)!.vaccinated++;
      } else {
        tally.notOnList++;
        tally.byGroup.get(null)!.vaccinated++;
      }
      bump(tally.byAgeBand, band(p.dateOfBirth, day));
      bump(tally.byHour, 8 + Math.floor((t0 + 2) / 60));
      bump(tally.byProductDose, `${lot.productCode}:1`);
    });
  });

  // A vial of Comirnaty contaminated mid-morning, a dose drawn and not given from Vaxzevria, a damaged Spikevax vial.
  schedule(95.5, async () => {
    if (!open.has('FK5127')) await openVial(LOTS[0]);
    await discard('FK5127', 'contaminated');
  });
  schedule(130.5, async () => {
    const v = open.get('ABV5811') ?? (await openVial(LOTS[1]));
    ok(await injection.vials.waste({ vialId: v.id, doses: 1, reason: 'drawn_not_given' }));
    v.left--;
    const lt = tally.lots.get('ABV5811')!;
    lt.wasted++;
    bump(lt.waste, 'drawn_not_given');
    if (v.left === 0) open.delete('ABV5811');
  });
  schedule(200.5, async () => {
    if (!open.has('094F21A')) await openVial(LOTS[2]);
    await discard('094F21A', 'damaged');
  });

  // Two adverse events: a mild fever followed up as recovered, a serious reaction left for the supervisor.
  const aefiVisits: string[] = [];
  const firstVaccinated = fateList.indexOf('vaccinated');
  const laterVaccinated = fateList.indexOf('vaccinated', Math.floor(shape.people / 2));
  for (const [i, serious] of [[firstVaccinated, false], [laterVaccinated, true]] as const) {
    schedule(i * 0.37 + 2 + 12, async () => {
      const visitId = visitOf.get(i)!;
      const aefi = ok(
        await observation.aefi.record({
          visitId,
          symptoms: serious ? ['anaphylaxis', 'dyspnoea_wheeze'] : ['fever'],
          onsetAt: t.clock.now().toISOString(),
          severity: serious ? 'severe' : 'mild',
          seriousness: serious ? ['hospitalisation'] : [],
          actionTaken: serious ? 'Adrenalin tiêm bắp, chuyển viện' : 'Hạ sốt, theo dõi',
          ...(serious ? { referredTo: 'Bệnh viện Quận 1' } : {}),
        }),
      );
      tally.aefi.total++;
      if (serious) {
        tally.aefi.serious++;
        tally.aefi.severe++;
        aefiVisits.push(aefi.id);
      } else {
        tally.aefi.mild++;
        ok(await observation.aefi.followUp({ aefiId: aefi.id, outcome: 'recovered', note: 'Hết sốt sau 20 phút' }));
        tally.aefi.followedUp++;
      }
    });
  }

  // A nurse asks for a dose's injection site to be corrected; the supervisor corrects it.
  const corrected = fateList.indexOf('vaccinated', Math.floor(shape.people / 4));
  schedule(corrected * 0.37 + 20, async () => {
    const request = ok(await injection.doses.requestCorrection({ doseId: doseOf.get(corrected)!, reason: 'Ghi nhầm vị trí tiêm, tiêm tay phải' }));
    ok(await sup.doses.supersede({ doseId: request.doseId, reason: 'Sửa vị trí tiêm theo yêu cầu', injectionSite: 'right_deltoid' }));
    tally.corrected++;
  });

  // Someone shows a card whose number belongs to a listed person, with another name and date of birth.
  schedule(250.2, async () => {
    const holder = onList[3]!;
    const scan = ok(await checkin.checkin.scan({ text: cardPayload({ idNumber: holder.idNumber!, fullName: 'Đỗ Thị Khác', dateOfBirth: '01011970', sex: 'Nữ' }), source: 'wedge' }));
    const refused = await checkin.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true });
    if (refused.ok || refused.error.code !== 'ID_NUMBER_OTHER_PERSON') throw new Error('the conflict was not refused');
    tally.identityConflicts++;
  });

  // The supervisor's screen follows the day (its live charts ask the core), so the desk never idles into its lock.
  const lastScheduled = events.at(-1)!.at;
  for (let minute = 30; minute < lastScheduled + 60; minute += 30) {
    schedule(minute, async () => {
      ok(await sup.closeOfDay.day({}));
    });
  }

  let last = 0;
  while (events.length > 0) {
    const e = events.shift()!;
    last = e.at;
    t.clock.set(atSite(day, e.at));
    await e.run();
  }

  // End of the day: every vial still open is discarded, as the injection desk does at closing time.
  t.clock.set(atSite(day, last + 5));
  for (const lot of LOTS) if (open.has(lot.lotNumber)) await discard(lot.lotNumber, 'end_of_session');
  tally.inObservation = keepInObservation.size;

  return {
    plan,
    sup,
    nurse: checkin,
    tally,
    open: { inObservation: [...keepInObservation].map((i) => visitOf.get(i)!), aefiWithoutFollowUp: aefiVisits, conflicts: tally.identityConflicts },
    nurseStaffId: nurseStaff.id,
  };
}
