import type { Database } from 'better-sqlite3';
import type { PlanState, SessionPeriod } from '../../preload/contract';
import { DOSES_ON_HAND } from './lots';

export interface PlanRow {
  id: string;
  sessionDate: string;
  period: SessionPeriod;
  location: string;
  plannedCapacity: number;
  targetGroups: string[];
  notes: string;
  state: PlanState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  openedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
}

export interface PlanSummaryRow extends PlanRow {
  targetCount: number;
  lotCount: number;
  dosesOnHand: number;
}

const COLUMNS = `p.id, p.session_date AS sessionDate, p.period, p.location, p.planned_capacity AS plannedCapacity,
  p.target_groups AS targetGroups, p.notes, p.state, p.created_by AS createdBy, p.created_at AS createdAt,
  p.updated_at AS updatedAt, p.opened_at AS openedAt, p.opened_by AS openedBy, p.closed_at AS closedAt, p.closed_by AS closedBy`;

// Counts come from correlated subqueries on indexed columns so a list of plans stays
// cheap even with a million targets on file.
const SUMMARY = `${COLUMNS},
  (SELECT count(*) FROM plan_target t WHERE t.plan_id = p.id) AS targetCount,
  (SELECT count(*) FROM vaccine_lot l WHERE l.plan_id = p.id) AS lotCount,
  (SELECT coalesce(sum(${DOSES_ON_HAND}), 0) FROM vaccine_lot l WHERE l.plan_id = p.id) AS dosesOnHand`;

type Raw<T> = Omit<T, 'targetGroups'> & { targetGroups: string };
function parse<T extends PlanRow>(r: Raw<T> | undefined): T | null {
  return r ? ({ ...r, targetGroups: JSON.parse(r.targetGroups) as string[] } as T) : null;
}

export function planQueries(db: Database) {
  const byId = db.prepare(`SELECT ${SUMMARY} FROM session_plan p WHERE p.id = ?`);
  const rowById = db.prepare(`SELECT ${COLUMNS} FROM session_plan p WHERE p.id = ?`);
  const list = db.prepare(`SELECT ${SUMMARY} FROM session_plan p
    WHERE (@from IS NULL OR p.session_date >= @from) AND (@to IS NULL OR p.session_date <= @to)
      AND (@state IS NULL OR p.state = @state)
    ORDER BY p.session_date DESC, p.period LIMIT 500`);
  const openOn = db.prepare(`SELECT ${SUMMARY} FROM session_plan p WHERE p.session_date = ? AND p.state = 'open' LIMIT 1`);
  const findSlot = db.prepare('SELECT id FROM session_plan WHERE session_date = ? AND period = ? AND location = ?');
  const insert = db.prepare(`INSERT INTO session_plan (id, session_date, period, location, planned_capacity, target_groups, notes,
    state, created_by, created_at, updated_at) VALUES (@id, @sessionDate, @period, @location, @plannedCapacity, @targetGroups, @notes,
    'planned', @createdBy, @createdAt, @updatedAt)`);
  const update = db.prepare(`UPDATE session_plan SET session_date = @sessionDate, period = @period, location = @location,
    planned_capacity = @plannedCapacity, target_groups = @targetGroups, notes = @notes, updated_at = @updatedAt WHERE id = @id`);
  const setOpen = db.prepare(`UPDATE session_plan SET state = 'open', opened_at = @at, opened_by = @by, updated_at = @at WHERE id = @id AND state = 'planned'`);
  const touch = db.prepare('UPDATE session_plan SET updated_at = ? WHERE id = ?');
  return {
    byId: (id: string) => parse<PlanSummaryRow>(byId.get(id) as Raw<PlanSummaryRow> | undefined),
    /** The plan's own fields, without the counts a list or a screen shows: what writes check against. */
    row: (id: string) => parse<PlanRow>(rowById.get(id) as Raw<PlanRow> | undefined),
    list: (f: { from?: string | undefined; to?: string | undefined; state?: PlanState | undefined }) =>
      (list.all({ from: f.from ?? null, to: f.to ?? null, state: f.state ?? null }) as Raw<PlanSummaryRow>[]).map((r) => parse<PlanSummaryRow>(r)!),
    openOn: (date: string) => parse<PlanSummaryRow>(openOn.get(date) as Raw<PlanSummaryRow> | undefined),
    slotTaken: (date: string, period: string, location: string) => (findSlot.get(date, period, location) as { id: string } | undefined)?.id ?? null,
    insert: (p: Pick<PlanRow, 'id' | 'sessionDate' | 'period' | 'location' | 'plannedCapacity' | 'targetGroups' | 'notes' | 'createdBy' | 'createdAt' | 'updatedAt'>) =>
      void insert.run({ ...p, targetGroups: JSON.stringify(p.targetGroups) }),
    update: (p: Pick<PlanRow, 'id' | 'sessionDate' | 'period' | 'location' | 'plannedCapacity' | 'targetGroups' | 'notes' | 'updatedAt'>) =>
      void update.run({ ...p, targetGroups: JSON.stringify(p.targetGroups) }),
    markOpen: (id: string, by: string, at: string) => setOpen.run({ id, by, at }).changes === 1,
    touch: (id: string, at: string) => void touch.run(at, id),
  };
}
