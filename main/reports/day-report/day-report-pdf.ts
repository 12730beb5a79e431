import type { DayView } from '../../../preload/contract';
import { SITE_TIME_ZONE } from '../../domain/site-time';
import { barChart, columnChart } from './charts';
import { ALERT, MUTED, ReportLayout } from './layout';
import { reportWords, type ReportLanguage, type ReportWords } from './labels';

/**
 * The day report the supervisor prints and hands to the district: the
 * session, its signed manifest, the reconciliation (vaccine by lot and
 * product, people, doses against the target list, certificates, uploads)
 * with its charts, the decisions taken at close, and any amendment or
 * re-opening since. Vietnamese or English; A4.
 */
export interface DayReportInput {
  view: DayView;
  site: { code: string; name: string; commune: string; district: string; province: string };
  language: ReportLanguage;
  printedAt: string;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: SITE_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function when(instant: string | null): string {
  return instant ? dateTime.format(new Date(instant)).replace(',', '') : '—';
}

function day(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const n = (v: number) => v.toLocaleString('vi-VN');
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

export async function renderDayReport(input: DayReportInput): Promise<{ pdf: Buffer; pages: number }> {
  const w = reportWords(input.language);
  const { view } = input;
  const s = view.session;
  const layout = new ReportLayout({ title: `${w.t('title')} ${s.sessionDate}`, author: input.site.name });
  header(layout, w, input);
  manifest(layout, w, view);
  stock(layout, w, view);
  people(layout, w, view);
  doses(layout, w, view);
  certificatesAndUploads(layout, w, view);
  decisions(layout, w, view);
  const latest = view.manifests.at(-1);
  return layout.finish(
    (page, pages) => `${w.t('page')} ${page}/${pages} · ${input.site.code} · ${day(s.sessionDate)} · ${w.code('period', s.period)}${latest ? ` · ${w.t('revision')} ${latest.revision} · ${latest.statementSha256.slice(0, 16)}` : ''}`,
  );
}

function header(l: ReportLayout, w: ReportWords, input: DayReportInput): void {
  const s = input.view.session;
  l.font(true, 15);
  l.doc.text(w.t('title'), l.left, l.y, { width: l.width, align: 'center' });
  l.y = l.doc.y + 2;
  l.font(false, 9, MUTED);
  l.doc.text(w.t('subtitle'), l.left, l.y, { width: l.width, align: 'center' });
  l.y = l.doc.y + 10;
  l.pairs([
    [w.t('site'), `${input.site.name} (${input.site.code})`],
    ['', `${input.site.commune}, ${input.site.district}, ${input.site.province}`],
    [w.t('session'), `${day(s.sessionDate)} · ${w.code('period', s.period)}`],
    [w.t('location'), s.location],
    [w.t('state'), w.code('state', s.state)],
    [w.t('closedAt'), s.closedAt ? `${when(s.closedAt)} · ${s.closedBy ?? ''}` : '—'],
    [w.t('printedAt'), when(input.printedAt)],
  ]);
  if (s.state !== 'closed') l.paragraph(w.t('notClosed'), { colour: ALERT, bold: true });
}

function manifest(l: ReportLayout, w: ReportWords, view: DayView): void {
  const m = view.manifests.at(-1);
  if (!m) return;
  l.heading(w.t('manifest'), 11);
  l.pairs(
    [
      [w.t('revision'), `${m.revision} (${m.reason})`],
      [w.t('signedAt'), `${when(m.signedAt)} · ${m.signedBy}`],
      [w.t('records'), n(m.records)],
      [w.t('keyKind'), m.national ? w.t('keyNational') : w.t('keyProvisional')],
    ],
    2,
    8,
  );
  // Hashes whole, one to a line: a district officer compares them character by character.
  l.pairs(
    [
      [w.t('statementHash'), m.statementSha256],
      [w.t('recordsHash'), m.recordsSha256],
      [w.t('keyFingerprint'), m.keyFingerprint],
    ],
    1,
    8,
  );
  l.paragraph(`${w.t('verifyHint')} ${view.session.sessionDate}`, { size: 7, colour: MUTED });
}

function stock(l: ReportLayout, w: ReportWords, view: DayView): void {
  const r = view.reconciliation;
  l.heading(w.t('stock'));
  l.table(
    [
      { header: w.t('lot'), width: 1.3 },
      { header: w.t('received'), width: 1.1, align: 'right' },
      { header: w.t('opened'), width: 0.8, align: 'right' },
      { header: w.t('administered'), width: 0.9, align: 'right' },
      { header: w.t('wasted'), width: 0.8, align: 'right' },
      { header: w.t('sealed'), width: 1.1, align: 'right' },
      { header: w.t('remaining'), width: 0.9, align: 'right' },
      { header: w.t('variance'), width: 0.8, align: 'right' },
      { header: w.t('wastageRate'), width: 0.8, align: 'right' },
      { header: w.t('countedBy'), width: 1.5 },
    ],
    r.lots.map((lot) => [
      `${lot.lotNumber}\n${lot.productName}`,
      `${n(lot.vialsReceived)} / ${n(lot.dosesReceived)}`,
      n(lot.vialsOpened),
      n(lot.dosesAdministered),
      n(lot.dosesWasted),
      `${lot.count ? n(lot.count.sealedVialsCounted) : w.t('notCounted')} / ${n(lot.sealedVialsExpected)}`,
      n(lot.dosesRemaining),
      n(lot.varianceDoses),
      pct(lot.wastageRate),
      lot.count ? `${lot.count.countedBy} / ${lot.count.verifiedBy}${lot.count.reason ? `\n${w.code('stockReason', lot.count.reason)}${lot.count.note ? `: ${lot.count.note}` : ''}` : ''}` : '—',
    ]),
  );
  const discards = r.lots.flatMap((lot) => [
    ...lot.discards.map((d) => [lot.lotNumber, w.code('discard', d.reason), `${n(d.vials)}`, n(d.doses)]),
    ...lot.waste.map((x) => [lot.lotNumber, w.code('waste', x.reason), '', n(x.doses)]),
  ]);
  if (discards.length > 0) {
    l.table(
      [
        { header: w.t('lot'), width: 1 },
        { header: w.t('reason'), width: 2 },
        { header: w.t('discards'), width: 1, align: 'right' },
        { header: w.t('wasted'), width: 1, align: 'right' },
      ],
      discards,
    );
  }
  l.paragraph(w.t('balanceRule'), { size: 7, colour: MUTED });
  l.table(
    [
      { header: w.t('product'), width: 2 },
      { header: w.t('dosesInOpened'), width: 1, align: 'right' },
      { header: w.t('administered'), width: 1, align: 'right' },
      { header: w.t('wasted'), width: 1, align: 'right' },
      { header: w.t('wastageRate'), width: 1, align: 'right' },
    ],
    r.products.map((p) => [p.productName, n(p.dosesInOpenedVials), n(p.dosesAdministered), n(p.dosesWasted), pct(p.wastageRate)]),
  );
  barChart(
    l,
    w.t('chartWastage'),
    r.lots.map((lot) => ({ label: `${lot.lotNumber} (${lot.productName})`, value: (lot.wastageRate ?? 0) * 100 })),
    (v) => `${v.toFixed(1)} %`,
  );
}

function reasonList(w: ReportWords, reasons: readonly { code: string; count: number; label: { vi: string; en: string } }[]): string {
  return reasons.map((r) => `${r.label[w.language]} (${r.count})`).join('; ');
}

function people(l: ReportLayout, w: ReportWords, view: DayView): void {
  const p = view.reconciliation.people;
  l.heading(w.t('people'));
  l.table(
    [
      { header: w.t('item'), width: 2 },
      { header: w.t('count'), width: 0.7, align: 'right' },
      { header: w.t('reasons'), width: 4 },
    ],
    [
      [w.t('checkedIn'), n(p.checkedIn), ''],
      [w.t('screened'), n(p.screened), ''],
      [w.t('eligible'), n(p.eligible), ''],
      [w.t('deferred'), n(p.deferred), reasonList(w, p.deferredReasons)],
      [w.t('refused'), n(p.refused), reasonList(w, p.refusedReasons)],
      [w.t('referred'), n(p.referred), reasonList(w, p.referredReasons)],
      [w.t('vaccinated'), n(p.vaccinated), ''],
      [w.t('leftBeforeInjection'), n(p.leftBeforeInjection), ''],
      [w.t('waitingForScreening'), n(p.waitingForScreening), ''],
      [w.t('waitingForInjection'), n(p.waitingForInjection), ''],
      [w.t('inObservation'), n(p.inObservation), ''],
      [w.t('released'), n(p.released), p.releasedEarly > 0 ? `${n(p.releasedEarly)} ${w.t('releasedEarly')}` : ''],
    ],
  );
  const a = p.aefi;
  l.table(
    [
      { header: w.t('aefi'), width: 2 },
      { header: w.t('count'), width: 0.7, align: 'right' },
      { header: w.t('followUp'), width: 4 },
    ],
    [
      [w.t('aefiTotal'), n(a.total), Object.entries(a.followUp).filter(([, c]) => c > 0).map(([k, c]) => `${w.code('outcome', k)}: ${c}`).join('; ')],
      [w.t('serious'), n(a.serious), ''],
      ...(['mild', 'moderate', 'severe'] as const).map((sev) => [w.code('severity', sev), n(a.bySeverity[sev]), '']),
    ],
  );
}

function doses(l: ReportLayout, w: ReportWords, view: DayView): void {
  const d = view.reconciliation.doses;
  l.heading(w.t('doses'));
  l.pairs(
    [
      [w.t('plannedCapacity'), `${n(d.administered)} / ${n(d.plannedCapacity)}`],
      [w.t('targetsOnList'), n(d.targetsOnList)],
      [w.t('targetsCheckedIn'), n(d.targetsCheckedIn)],
      [w.t('targetsVaccinated'), n(d.targetsVaccinated)],
      [w.t('notOnList'), n(d.notOnList)],
      [`${w.t('voided')} / ${w.t('corrected')}`, `${n(d.voided)} / ${n(d.corrected)}`],
    ],
    3,
  );
  l.table(
    [
      { header: w.t('targetGroup'), width: 3 },
      { header: w.t('targets'), width: 1, align: 'right' },
      { header: w.t('vaccinated'), width: 1, align: 'right' },
    ],
    d.byTargetGroup.map((g) => [g.group ? w.code('group', g.group) : w.t('noGroup'), n(g.targets), n(g.vaccinated)]),
  );
  l.table(
    [
      { header: w.t('product'), width: 3 },
      { header: w.t('doseNumber'), width: 1, align: 'right' },
      { header: w.t('count'), width: 1, align: 'right' },
    ],
    d.byProductDose.map((p) => [p.productName, String(p.doseNumber), n(p.count)]),
  );
  columnChart(l, w.t('chartHour'), d.byHour.map((h) => ({ label: `${String(h.hour).padStart(2, '0')}h`, value: h.count })));
  barChart(l, w.t('chartGroup'), d.byTargetGroup.map((g) => ({ label: g.group ? w.code('group', g.group) : w.t('noGroup'), value: g.vaccinated })));
  barChart(l, w.t('chartAge'), d.byAgeBand.map((b) => ({ label: b.band, value: b.vaccinated })));
  const products = new Map<string, number>();
  for (const p of d.byProductDose) products.set(p.productName, (products.get(p.productName) ?? 0) + p.count);
  barChart(l, w.t('chartProduct'), [...products.entries()].map(([label, value]) => ({ label, value })));
}

function certificatesAndUploads(l: ReportLayout, w: ReportWords, view: DayView): void {
  const c = view.reconciliation.certificates;
  l.heading(w.t('certificates'));
  l.pairs(
    [
      [w.t('issued'), n(c.issued)],
      [w.t('printed'), n(c.printed)],
      [w.t('pending'), n(c.pending)],
      [w.t('reissued'), n(c.reissued)],
      [w.t('provisional'), n(c.provisional)],
      [w.t('national'), n(c.national)],
    ],
    3,
  );
  const u = view.reconciliation.uploads;
  l.heading(w.t('uploads'));
  const states = ['pending', 'sent', 'rejected', 'escalated', 'cancelled'] as const;
  const label = (s: (typeof states)[number]) => (s === 'pending' ? w.code('upload', 'pending') : w.t(s));
  l.table(
    [{ header: '', width: 1.5 }, ...states.map((s) => ({ header: label(s), width: 1, align: 'right' as const }))],
    [
      [w.t('uploadDoses'), ...states.map((s) => n(u.doses[s]))],
      [w.t('uploadOther'), ...states.map((s) => n(u.other[s]))],
    ],
  );
}

function decisions(l: ReportLayout, w: ReportWords, view: DayView): void {
  l.heading(w.t('decisions'));
  if (view.decisions.length === 0) l.paragraph(view.session.state === 'closed' ? w.t('noDecisions') : w.t('none'), { colour: MUTED });
  else {
    l.table(
      [
        { header: w.t('item'), width: 2.5 },
        { header: w.t('reason'), width: 3 },
        { header: w.t('decidedBy'), width: 1.5 },
      ],
      view.decisions.map((d) => [
        `${w.code('workItem', d.kind)}${d.item.queueNumber !== null ? ` · #${d.item.queueNumber}` : ''}${d.item.fullName ? ` · ${d.item.fullName}` : ''}${typeof d.item.params.lotNumber === 'string' ? ` · ${w.t('lot')} ${d.item.params.lotNumber}` : ''}`,
        d.reason,
        `${d.decidedBy}\n${when(d.decidedAt)}`,
      ]),
    );
  }
  if (view.amendments.length > 0) {
    l.heading(w.t('amendments'));
    l.table(
      [
        { header: w.t('operation'), width: 2 },
        { header: w.t('reason'), width: 3 },
        { header: w.t('by'), width: 1.5 },
        { header: w.t('revision'), width: 0.7, align: 'right' },
      ],
      view.amendments.map((a) => [`${a.operation} · ${a.entity} ${a.entityId.slice(-8)}`, a.reason, `${a.amendedBy}\n${when(a.amendedAt)}`, String(a.revision)]),
    );
  }
  if (view.reopenings.length > 0) {
    l.heading(w.t('reopenings'));
    l.table(
      [
        { header: w.t('at'), width: 1.3 },
        { header: w.t('by'), width: 1.5 },
        { header: w.t('reason'), width: 4 },
      ],
      view.reopenings.map((r) => [when(r.reopenedAt), r.reopenedBy, r.reason]),
    );
  }
}
