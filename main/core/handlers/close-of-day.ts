import type { closeOfDayOps } from '../../../preload/contract';
import { SUPERVISOR, type Handlers } from '../handler-types';
import type { Services } from '../services';

type CloseOfDayOps = keyof typeof closeOfDayOps;

/**
 * Every desk may ask whether today's session is still open; everything else
 * about the close of day (the figures, the count, closing, re-opening, the
 * report, the history) is the supervisor's, enforced here for every call.
 */
export function closeOfDayHandlers(s: Services): Handlers<CloseOfDayOps> {
  const d = s.closeOfDay;
  return {
    'closeOfDay:today': { access: 'signed-in', run: () => d.views.today() },
    'closeOfDay:day': { access: SUPERVISOR, run: (req) => d.views.day(req.planId) },
    'closeOfDay:countStock': {
      access: SUPERVISOR,
      run: (req, scope) => {
        const planId = d.stock.count(scope.actor, req);
        return d.views.day(planId)!;
      },
    },
    'closeOfDay:close': { access: SUPERVISOR, run: (req, scope) => d.closing.close(scope.actor, req.planId, req.decisions) },
    'closeOfDay:reopen': {
      access: SUPERVISOR,
      run: (req, scope) => {
        d.closing.reopen(scope.actor, req.planId, req.reason);
        return d.views.day(req.planId)!;
      },
    },
    'closeOfDay:history': { access: SUPERVISOR, run: (req) => d.views.history(req) },
    'closeOfDay:verify': { access: SUPERVISOR, run: (req) => d.report.verify(req.planId) },
    'closeOfDay:report': { access: SUPERVISOR, run: (req) => d.report.pdf(req.planId, req.language) },
    'closeOfDay:printReport': { access: SUPERVISOR, run: (req, scope) => d.report.print(scope.actor, req.planId, req.language, req.printer) },
    'closeOfDay:export': { access: SUPERVISOR, run: (req, scope) => d.export.export(scope.actor, req.planId, req.format, req.table) },
    'closeOfDay:dismissConflict': {
      access: SUPERVISOR,
      run: (req, scope) => {
        d.conflicts.dismiss(scope.actor, req.conflictId, req.note);
        return { done: true as const };
      },
    },
  };
}
