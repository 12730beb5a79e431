import type { Database } from 'better-sqlite3';
import type { QueueEntry, TodaysVisit, VisitStep } from '../../preload/contract';
import { CITIZEN_COLUMNS, citizenSummaryOf, type CitizenColumns } from './citizen-columns';

export interface VisitRecord {
  id: string;
  planId: string;
  citizenId: string;
  targetId: string | null;
  queueNumber: number;
  step: VisitStep;
  stepAt: string;
  checkinSource: 'card_scanner' | 'card_camera' | 'card_image' | 'passport' | 'manual' | 'registration';
  checkedInAt: string;
  checkedInBy: string;
}

interface QueueRow extends CitizenColumns {
  visitId: string;
  planId: string;
  queueNumber: number;
  step: VisitStep;
  stepAt: string;
  checkedInAt: string;
}

const QUEUE_COLUMNS = `v.id AS visitId, v.plan_id AS planId, v.queue_number AS queueNumber, v.step, v.step_at AS stepAt,
  v.checked_in_at AS checkedInAt, ${CITIZEN_COLUMNS}`;

function toEntry(r: QueueRow): QueueEntry {
  return {
    visitId: r.visitId,
    planId: r.planId,
    queueNumber: r.queueNumber,
    step: r.step,
    stepAt: r.stepAt,
    checkedInAt: r.checkedInAt,
    citizen: citizenSummaryOf(r),
  };
}

export function visitQueries(db: Database) {
  const queue = db.prepare(`SELECT ${QUEUE_COLUMNS} FROM visit v JOIN citizen c ON c.id = v.citizen_id
    WHERE v.plan_id = ? ORDER BY v.queue_number`);
  const entry = db.prepare(`SELECT ${QUEUE_COLUMNS} FROM visit v JOIN citizen c ON c.id = v.citizen_id WHERE v.id = ?`);
  const byId = db.prepare(`SELECT id, plan_id AS planId, citizen_id AS citizenId, target_id AS targetId, queue_number AS queueNumber,
    step, step_at AS stepAt, checkin_source AS checkinSource, checked_in_at AS checkedInAt, checked_in_by AS checkedInBy FROM visit WHERE id = ?`);
  const byCitizen = db.prepare(`SELECT id FROM visit WHERE plan_id = ? AND citizen_id = ?`).pluck();
  const nextNumber = db.prepare(`SELECT coalesce(max(queue_number), 0) + 1 FROM visit WHERE plan_id = ?`).pluck();
  const insert = db.prepare(`INSERT INTO visit (id, plan_id, citizen_id, target_id, queue_number, step, step_at, checkin_source, checked_in_at, checked_in_by)
    VALUES (@id, @planId, @citizenId, @targetId, @queueNumber, @step, @stepAt, @checkinSource, @checkedInAt, @checkedInBy)`);
  const setStep = db.prepare(`UPDATE visit SET step = @step, step_at = @at WHERE id = @id AND step = @from`);
  // Plain id lookup: the plan summary query counts targets and lots, too much for every scan.
  const openPlanId = db.prepare(`SELECT id FROM session_plan INDEXED BY session_plan_date WHERE session_date = ? AND state = 'open' LIMIT 1`).pluck();
  const VISIT = `SELECT v.id AS visitId, v.queue_number AS queueNumber, v.step, v.checked_in_at AS checkedInAt FROM visit v`;
  // Each session of the day (few), then the unique (plan_id, citizen_id) entry.
  const citizenToday = db.prepare(`${VISIT} WHERE v.citizen_id = @citizenId
    AND v.plan_id IN (SELECT id FROM session_plan INDEXED BY session_plan_date WHERE session_date = @date) ORDER BY v.checked_in_at LIMIT 1`);
  const targetVisit = db.prepare(`${VISIT} INDEXED BY visit_target WHERE v.target_id = ? LIMIT 1`);
  return {
    queue: (planId: string, steps?: readonly VisitStep[]) => {
      const rows = (queue.all(planId) as QueueRow[]).map(toEntry);
      return steps && steps.length > 0 ? rows.filter((r) => steps.includes(r.step)) : rows;
    },
    entry: (visitId: string) => {
      const r = entry.get(visitId) as QueueRow | undefined;
      return r ? toEntry(r) : null;
    },
    byId: (id: string) => (byId.get(id) as VisitRecord | undefined) ?? null,
    idForCitizen: (planId: string, citizenId: string) => (byCitizen.get(planId, citizenId) as string | undefined) ?? null,
    nextQueueNumber: (planId: string) => nextNumber.get(planId) as number,
    insert: (v: VisitRecord) => void insert.run(v),
    openPlanIdOn: (date: string) => (openPlanId.get(date) as string | undefined) ?? null,
    /** The person's visit on a site day (any session of that day), if they were checked in. */
    todayForCitizen: (citizenId: string, date: string) => (citizenToday.get({ citizenId, date }) as TodaysVisit | undefined) ?? null,
    /** The visit made against a row of a target list, if any. */
    forTarget: (targetId: string) => (targetVisit.get(targetId) as TodaysVisit | undefined) ?? null,
    /** Moves a visit only if it is still at `from`; false when another desk moved it first. */
    setStep: (id: string, from: VisitStep, step: VisitStep, at: string) => setStep.run({ id, from, step, at }).changes === 1,
  };
}
