import { join } from 'node:path';
import type { ImportPreview, OpName, PlanDetail } from '../../preload/contract';
import { ManualClock } from '../../main/core/clock';
import type { Logger } from '../../main/core/dispatch';
import { createStation, type Station } from '../../main/core/station';
import { addDays } from '../../main/domain/site-time';

/**
 * A station core on a real SQLite file, driven through its one entry point
 * (dispatch) the way a desk's transport drives it, minus the transport.
 */

const quiet: Logger = { info: () => {}, warn: () => {}, error: (m, d) => console.error(m, d) };

/** 09:00 at the site on a fixed day, so every run plans the same dates. */
export const BENCH_MORNING = new Date('2026-03-10T02:00:00.000Z');
export const BENCH_TODAY = '2026-03-10';
export const SUPERVISOR_DESK = 'bench-supervisor';
const SUPERVISOR = { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' };

export interface BenchStation {
  station: Station;
  clock: ManualClock;
  file: string;
  /** One contract call from the supervisor's desk; a refusal stops the scenario (a benchmark of an error path measures nothing). */
  call<T>(op: OpName, request: unknown): Promise<T>;
  close(): void;
}

export function openBenchStation(dir: string, clock = new ManualClock(BENCH_MORNING)): BenchStation {
  const file = join(dir, 'station.sqlite');
  const station = createStation({ databasePath: file, clock, log: quiet });
  return {
    station,
    clock,
    file,
    async call<T>(op: OpName, request: unknown): Promise<T> {
      const result = await station.dispatch(op, request, SUPERVISOR_DESK);
      if (!result.ok) throw new Error(`${op} refused: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.params ?? result.error.issues ?? '')}`);
      return result.value as T;
    },
    close: () => station.close(),
  };
}

/** First-run setup and the supervisor signed in at SUPERVISOR_DESK, through the contract. */
export async function setUpSite(b: BenchStation): Promise<{ supervisorId: string }> {
  await b.call('setup:initialize', {
    site: { code: 'TYT-79-26734', name: 'Trạm Y tế Phường Bến Nghé', province: 'Hồ Chí Minh', district: 'Quận 1', commune: 'Phường Bến Nghé' },
    supervisor: SUPERVISOR,
  });
  const auth = await b.call<{ staff: { id: string } | null }>('auth:login', { username: SUPERVISOR.username, pin: SUPERVISOR.pin });
  if (!auth.staff) throw new Error('supervisor not signed in');
  return { supervisorId: auth.staff.id };
}

/** A planned session `daysAhead` after today, with one lot that outlives it. */
export async function planSession(b: BenchStation, daysAhead = 0, capacity = 500): Promise<PlanDetail> {
  const sessionDate = addDays(BENCH_TODAY, daysAhead);
  const plan = await b.call<PlanDetail>('plan:create', {
    sessionDate,
    period: 'morning',
    location: 'Hội trường Trạm Y tế, 1 Lê Lợi',
    plannedCapacity: capacity,
    targetGroups: ['adults_18_plus'],
  });
  await b.call('plan:addLot', { planId: plan.id, productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: addDays(sessionDate, 90), vialsReceived: 100 });
  return plan;
}

/** A target-list file through the contract as the supervisor's desk sends it: announced, in chunks, then checked. */
export async function previewTargetFile(b: BenchStation, planId: string, fileName: string, bytes: Buffer): Promise<ImportPreview> {
  const { uploadId, chunkBytes } = await b.call<{ uploadId: string; chunkBytes: number }>('targets:startImport', { planId, fileName, sizeBytes: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await b.call('targets:uploadChunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  return b.call<ImportPreview>('targets:previewImport', { uploadId });
}
