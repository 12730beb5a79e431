import type { PlanDetail, StationApi } from '../../preload/contract';
import { ok } from './station';
import { previewFile } from './target-upload';

/**
 * Check-in test helpers: today's session opened with a target list, and card
 * payloads built the way a chip ID card's QR code carries them.
 */

export interface ListRow {
  idNumber?: string | null;
  fullName: string;
  /** dd/MM/yyyy as the list writes it */
  dateOfBirth: string;
  sex?: 'Nam' | 'Nữ' | '';
}

/** Plans, stocks and opens `today`'s session with the given target list, as a supervisor would. */
export async function openSessionWithList(sup: StationApi, today: string, rows: readonly ListRow[]): Promise<PlanDetail> {
  const plan = ok(await sup.plan.create({ sessionDate: today, period: 'all_day', location: 'Hội trường Trạm Y tế', plannedCapacity: 200, targetGroups: [] }));
  const expiry = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  ok(await sup.plan.addLot({ planId: plan.id, productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: expiry, vialsReceived: 10 }));
  if (rows.length > 0) {
    const csv = ['so_cccd,ho_ten,ngay_sinh,gioi_tinh', ...rows.map((r) => [r.idNumber ?? '', r.fullName, r.dateOfBirth, r.sex ?? ''].join(','))].join('\r\n');
    const preview = ok(await previewFile(sup, plan.id, 'danh-sach.csv', csv));
    if (preview.invalidRows > 0) throw new Error(`list rows refused: ${JSON.stringify(preview.report)}`);
    ok(await sup.targets.confirmImport({ previewId: preview.previewId }));
  }
  return ok(await sup.plan.open({ id: plan.id }));
}

export interface CardFields {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  /** ddMMyyyy, as on the card */
  dateOfBirth: string;
  sex: 'Nam' | 'Nữ';
  address?: string;
  issueDate?: string;
}

/** The QR payload of a chip ID card (7 fields). */
export function cardPayload(c: CardFields): string {
  return [c.idNumber, c.oldIdNumber ?? '', c.fullName, c.dateOfBirth, c.sex, c.address ?? 'Số 1 Lê Lợi, Bến Nghé, Quận 1, Hồ Chí Minh', c.issueDate ?? '20042021'].join('|');
}

export const AN_CARD: CardFields = { idNumber: '001094123456', oldIdNumber: '012345678', fullName: 'Nguyễn Văn An', dateOfBirth: '15031994', sex: 'Nam' };
export const BICH_CARD: CardFields = { idNumber: '079305654321', fullName: 'Trần Thị Bích', dateOfBirth: '02092005', sex: 'Nữ' };
