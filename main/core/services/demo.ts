import type { z } from 'zod';
import type { DemoCredentials } from '../../../preload/contract';
import { addDays } from '../../domain/site-time';
import { siteToday } from '../clock';
import { StationError } from '../errors';
import type { Store } from '../store';
import type { PlanService } from './plans';
import type { SetupService } from './setup';
import { toActor, type StaffService } from './staff';
import { syntheticPeople, syntheticTargetCsv } from './synthetic-people';
import type { TargetImportService } from './targets/target-import';

const DEMO_SUPERVISOR = { username: 'giamsat', pin: '2468' };
const DEMO_NURSE = { username: 'dieuduong', pin: '1357' };

/**
 * Seeds a demo site through the same services a supervisor uses, so the demo
 * exercises real rules: a site, a supervisor and a nurse, today's session
 * (open) with two lots, and a synthetic target list imported as CSV.
 */
export async function seedDemo(
  deps: { store: Store; setup: SetupService; staff: StaffService; plans: PlanService; imports: TargetImportService },
  targets: number,
): Promise<z.infer<typeof DemoCredentials>> {
  if (deps.store.q.site.get()) throw new StationError('SETUP_ALREADY_DONE', 'this station is already set up');
  const site = await deps.setup.initialize(
    { code: 'DEMO-79-26734', name: 'Trạm Y tế Phường Bến Nghé (demo)', province: 'Hồ Chí Minh', district: 'Quận 1', commune: 'Phường Bến Nghé' },
    { fullName: 'Trần Thị Giám Sát', ...DEMO_SUPERVISOR },
  );
  const supervisor = deps.store.q.staff.byUsername(DEMO_SUPERVISOR.username)!;
  const actor = toActor(supervisor);
  await deps.staff.create(actor, { fullName: 'Lê Văn Điều Dưỡng', role: 'nurse', ...DEMO_NURSE });
  const today = siteToday(deps.store.clock);
  const plan = deps.plans.create(actor, {
    sessionDate: today,
    period: 'all_day',
    location: 'Hội trường Trạm Y tế, 1 Lê Lợi',
    plannedCapacity: Math.max(targets, 100),
    targetGroups: ['adults_18_plus', 'elderly_65_plus', 'chronic_conditions'],
    notes: 'Demo session with synthetic citizens',
  });
  deps.plans.addLot(actor, plan.id, { productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: addDays(today, 90), vialsReceived: 60 });
  deps.plans.addLot(actor, plan.id, { productCode: 'vaxzevria', lotNumber: 'ABV5811', expiryDate: addDays(today, 45), vialsReceived: 20 });
  const csv = syntheticTargetCsv(syntheticPeople(targets, 2021, { withoutIdEvery: 25 }));
  const preview = await deps.imports.checkBytes(actor, plan.id, 'demo-targets.csv', Buffer.from(csv, 'utf8'));
  const result = deps.imports.confirm(actor, preview.previewId);
  deps.plans.open(actor, plan.id);
  return { site, supervisor: DEMO_SUPERVISOR, nurse: DEMO_NURSE, planId: plan.id, targets: result.imported };
}
