import type ExcelJS from 'exceljs';
import type { DayView } from '../../../../preload/contract';
import { neutraliseForCsv } from '../../../domain/import-safety/formula-cells';
import { SITE_TIME_ZONE } from '../../../domain/site-time';
import { StationError } from '../../errors';
import type { Actor, Store } from '../../store';
import type { DayViews } from './day-view';

/**
 * The day's records for the district's spreadsheets: an XLSX workbook (a
 * summary sheet, then doses, visits, vials, lots and adverse events), or one
 * of those tables as CSV (UTF-8 with a BOM, so Excel opens Vietnamese
 * correctly). Headers are Vietnamese and English; instants are site time.
 * Every export is audited: it carries personal data.
 */
type Table = 'doses' | 'visits' | 'vials' | 'aefi' | 'lots';
type Cell = string | number | null;

interface ColumnDef {
  key: string;
  header: string;
  width: number;
  kind?: 'instant';
}

const C = (key: string, header: string, width = 14, kind?: 'instant'): ColumnDef => ({ key, header, width, ...(kind ? { kind } : {}) });

const COLUMNS: Readonly<Record<Table, readonly ColumnDef[]>> = {
  doses: [
    C('queueNumber', 'STT / Queue', 8),
    C('fullName', 'Họ và tên / Name', 26),
    C('idNumber', 'Số CCCD / ID number', 15),
    C('passportNumber', 'Hộ chiếu / Passport', 12),
    C('dateOfBirth', 'Ngày sinh / Date of birth', 12),
    C('sex', 'Giới tính / Sex', 8),
    C('targetGroup', 'Nhóm đối tượng / Target group', 18),
    C('product', 'Vắc xin / Vaccine', 18),
    C('lotNumber', 'Số lô / Lot', 10),
    C('doseNumber', 'Mũi / Dose', 6),
    C('seriesDoses', 'Số mũi phác đồ / Series', 8),
    C('givenOn', 'Ngày tiêm / Given on', 11),
    C('givenAt', 'Giờ tiêm / Given at', 17, 'instant'),
    C('injectionSite', 'Vị trí tiêm / Site', 12),
    C('status', 'Trạng thái / Status', 10),
    C('statusReason', 'Lý do / Reason', 24),
    C('version', 'Phiên bản / Version', 8),
    C('recordedBy', 'Người ghi / Recorded by', 18),
    C('recordedAt', 'Ghi lúc / Recorded at', 17, 'instant'),
    C('recordId', 'Mã bản ghi / Record id', 38),
    C('doseId', 'Mã mũi / Dose id', 38),
    C('vialId', 'Mã lọ / Vial id', 38),
  ],
  visits: [
    C('queueNumber', 'STT / Queue', 8),
    C('fullName', 'Họ và tên / Name', 26),
    C('idNumber', 'Số CCCD / ID number', 15),
    C('passportNumber', 'Hộ chiếu / Passport', 12),
    C('dateOfBirth', 'Ngày sinh / Date of birth', 12),
    C('sex', 'Giới tính / Sex', 8),
    C('verification', 'Xác minh / Verification', 12),
    C('checkinSource', 'Đón tiếp qua / Checked in by', 14),
    C('checkedInAt', 'Đón tiếp lúc / Checked in at', 17, 'instant'),
    C('onList', 'Trong danh sách / On list', 8),
    C('targetGroup', 'Nhóm đối tượng / Target group', 18),
    C('screening', 'Kết luận khám / Screening', 14),
    C('returnDate', 'Hẹn quay lại / Return date', 12),
    C('step', 'Bước cuối / Last step', 12),
    C('stepAt', 'Lúc / At', 17, 'instant'),
    C('visitId', 'Mã lượt / Visit id', 38),
  ],
  vials: [
    C('lotNumber', 'Số lô / Lot', 10),
    C('product', 'Vắc xin / Vaccine', 18),
    C('openedAt', 'Mở lúc / Opened at', 17, 'instant'),
    C('openedBy', 'Người mở / Opened by', 18),
    C('expiresAt', 'Hết hạn dùng / Expires at', 17, 'instant'),
    C('state', 'Trạng thái / State', 10),
    C('dosesTotal', 'Số liều / Doses', 8),
    C('dosesDrawn', 'Đã rút / Drawn', 8),
    C('dosesWasted', 'Hao hụt / Wasted', 8),
    C('closedAt', 'Đóng lúc / Closed at', 17, 'instant'),
    C('discardReason', 'Lý do hủy / Discard reason', 16),
    C('discardNote', 'Ghi chú / Note', 20),
    C('vialId', 'Mã lọ / Vial id', 38),
  ],
  lots: [
    C('lotNumber', 'Số lô / Lot', 10),
    C('productName', 'Vắc xin / Vaccine', 18),
    C('expiryDate', 'Hạn dùng / Expiry', 11),
    C('dosesPerVial', 'Liều/lọ / Doses per vial', 8),
    C('vialsReceived', 'Lọ nhận / Vials received', 8),
    C('vialsOpened', 'Lọ mở / Vials opened', 8),
    C('vialsDiscarded', 'Lọ hủy / Vials discarded', 8),
    C('sealedVialsExpected', 'Lọ nguyên dự kiến / Sealed expected', 10),
    C('sealedVialsCounted', 'Lọ nguyên đếm / Sealed counted', 10),
    C('dosesReceived', 'Liều nhận / Doses received', 10),
    C('dosesAdministered', 'Đã tiêm / Administered', 10),
    C('dosesWasted', 'Hao hụt / Wasted', 10),
    C('dosesRemaining', 'Còn lại / Remaining', 10),
    C('varianceDoses', 'Chênh lệch / Variance', 10),
    C('wastageRate', 'Tỷ lệ hao hụt / Wastage rate', 10),
    C('countReason', 'Lý do chênh lệch / Variance reason', 16),
    C('countedBy', 'Người đếm / Counted by', 18),
    C('verifiedBy', 'Người xác nhận / Verified by', 18),
  ],
  aefi: [
    C('queueNumber', 'STT / Queue', 8),
    C('fullName', 'Họ và tên / Name', 26),
    C('idNumber', 'Số CCCD / ID number', 15),
    C('onsetAt', 'Khởi phát / Onset', 17, 'instant'),
    C('severity', 'Mức độ / Severity', 10),
    C('serious', 'Nghiêm trọng / Serious', 8),
    C('seriousness', 'Tiêu chí / Criteria', 22),
    C('symptoms', 'Triệu chứng / Symptoms', 30),
    C('actionTaken', 'Xử trí / Action', 26),
    C('referredTo', 'Chuyển tới / Referred to', 18),
    C('followUp', 'Theo dõi tiếp / Follow-up', 14),
    C('recordedBy', 'Người ghi / Recorded by', 18),
    C('recordedAt', 'Ghi lúc / Recorded at', 17, 'instant'),
    C('aefiId', 'Mã / Id', 38),
  ],
};

const SHEET_NAMES: Readonly<Record<Table, string>> = { doses: 'Mui tiem - Doses', visits: 'Luot - Visits', vials: 'Lo - Vials', lots: 'Lo vac xin - Lots', aefi: 'Phan ung - AEFI' };

const siteTime = new Intl.DateTimeFormat('sv-SE', { timeZone: SITE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function cell(value: Cell, def: ColumnDef, format: 'xlsx' | 'csv'): Cell {
  if (value === null || value === undefined) return null;
  if (def.kind === 'instant' && typeof value === 'string') return siteTime.format(new Date(value));
  // A name or note typed as "=…" goes out as text: a CSV has no cell types, so it would open as a formula.
  if (format === 'csv' && typeof value === 'string') return neutraliseForCsv(value);
  return value;
}

export class DayExport {
  constructor(
    private readonly store: Store,
    private readonly views: DayViews,
  ) {}

  async export(actor: Actor, planId: string, format: 'xlsx' | 'csv', table: Table): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
    const view = this.views.day(planId);
    const site = this.store.q.site.get();
    if (!view || !site) throw new StationError('NOT_FOUND', 'no such session', { id: planId });
    const stem = `${site.code}-${view.session.sessionDate}-${view.session.period}`;
    // Loaded on the first export, not with the core: most starts of the station never export.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    workbook.creator = 'Vaccination Station';
    let out: { fileName: string; mimeType: string; bytes: Buffer };
    if (format === 'csv') {
      this.sheet(workbook, table, this.rows(view, table), 'csv');
      const csv = Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { rowDelimiter: '\r\n', quoteColumns: true } }));
      out = { fileName: `${stem}-${table}.csv`, mimeType: 'text/csv; charset=utf-8', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]) };
    } else {
      this.summary(workbook, view, site);
      for (const t of ['doses', 'visits', 'vials', 'lots', 'aefi'] as const) this.sheet(workbook, t, this.rows(view, t), 'xlsx');
      out = { fileName: `${stem}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
    }
    this.store.write(actor, (w) => w.audit('day:export', 'session_plan', planId, null, { format, table: format === 'csv' ? table : 'all', fileName: out.fileName, bytes: out.bytes.length }));
    return { fileName: out.fileName, mimeType: out.mimeType, contentBase64: out.bytes.toString('base64') };
  }

  private rows(view: DayView, table: Table): Record<string, Cell>[] {
    const x = this.store.q.dayExport;
    const planId = view.session.planId;
    switch (table) {
      case 'doses':
        return x.doses(planId);
      case 'visits':
        return x.visits(planId);
      case 'vials':
        return x.vials(planId);
      case 'aefi':
        return x.aefi(planId).map((a) => ({
          ...a,
          seriousness: (JSON.parse(String(a.seriousness)) as string[]).join(', '),
          symptoms: ((s: { codes: string[]; other: string | null }) => [...s.codes.filter((c) => c !== 'other'), ...(s.other ? [s.other] : [])].join(', '))(JSON.parse(String(a.symptoms))),
        }));
      case 'lots':
        return view.reconciliation.lots.map((l) => ({
          ...l,
          sealedVialsCounted: l.count?.sealedVialsCounted ?? null,
          wastageRate: l.wastageRate === null ? null : Math.round(l.wastageRate * 10_000) / 10_000,
          countReason: l.count?.reason ?? null,
          countedBy: l.count?.countedBy ?? null,
          verifiedBy: l.count?.verifiedBy ?? null,
        })) as unknown as Record<string, Cell>[];
    }
  }

  private sheet(workbook: ExcelJS.Workbook, table: Table, rows: readonly Record<string, Cell>[], format: 'xlsx' | 'csv'): void {
    const defs = COLUMNS[table];
    const ws = workbook.addWorksheet(SHEET_NAMES[table], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = defs.map((d) => ({ header: d.header, key: d.key, width: d.width }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(Object.fromEntries(defs.map((d) => [d.key, cell(r[d.key] ?? null, d, format)])));
  }

  private summary(workbook: ExcelJS.Workbook, view: DayView, site: { code: string; name: string }): void {
    const ws = workbook.addWorksheet('Tong hop - Summary');
    ws.columns = [{ width: 44 }, { width: 70 }];
    const r = view.reconciliation;
    const m = view.manifests.at(-1);
    const lines: [string, Cell][] = [
      ['Cơ sở / Site', `${site.name} (${site.code})`],
      ['Ngày / Date', view.session.sessionDate],
      ['Buổi / Period', view.session.period],
      ['Địa điểm / Location', view.session.location],
      ['Trạng thái / State', view.session.state],
      ['Kết thúc lúc / Closed at', view.session.closedAt ? siteTime.format(new Date(view.session.closedAt)) : null],
      ['Đã đón tiếp / Checked in', r.people.checkedIn],
      ['Đã khám / Screened', r.people.screened],
      ['Tạm hoãn / Deferred', r.people.deferred],
      ['Chống chỉ định / Contraindicated', r.people.refused],
      ['Chuyển tuyến / Referred', r.people.referred],
      ['Đã tiêm / Vaccinated', r.people.vaccinated],
      ['Về trước khi tiêm / Left before injection', r.people.leftBeforeInjection],
      ['Chuyển viện từ theo dõi / Sent to hospital from observation', r.people.referredFromObservation],
      ['Phản ứng / AEFI', r.people.aefi.total],
      ['Phản ứng nghiêm trọng / Serious AEFI', r.people.aefi.serious],
      ['Số mũi dự kiến / Planned capacity', r.doses.plannedCapacity],
      ['Chứng nhận đã cấp / Certificates issued', r.certificates.issued],
      ['Lần ký bản kê / Manifest revision', m?.revision ?? null],
      ['SHA-256 bản kê / Statement SHA-256', m?.statementSha256 ?? null],
      ['SHA-256 bản ghi / Records SHA-256', m?.recordsSha256 ?? null],
      ['Khóa trạm / Station key (SHA-256)', m?.keyFingerprint ?? null],
    ];
    for (const line of lines) ws.addRow(line);
    ws.getColumn(1).font = { bold: true };
  }
}
