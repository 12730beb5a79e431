import type { checkinOps } from '../../../preload/contract';
import { SUPERVISOR, type Handlers } from '../handler-types';
import type { Services } from '../services';

type CheckInOps = keyof typeof checkinOps;

/**
 * Every check-in operation is for any signed-in staff: nurses run the desk,
 * supervisors stand in. Clearing the whole queue at the end of the day is the
 * supervisor's.
 */
export function checkinHandlers(s: Services): Handlers<CheckInOps> {
  const { cards, withoutCard, search, scanners } = s.checkin;
  return {
    'queue:list': { access: 'signed-in', run: (req) => s.visits.list(req.steps) },
    'queue:get': { access: 'signed-in', run: (req) => s.visits.get(req.visitId) },
    'queue:leave': { access: 'signed-in', run: (req, scope) => s.outcomes.leave(scope.actor, req.visitId, req.outcome, req.note) },
    'queue:clear': { access: SUPERVISOR, run: (_req, scope) => s.outcomes.clearQueue(scope.actor) },
    'queue:outcomes': { access: 'signed-in', run: () => s.outcomes.list() },
    'checkin:scan': { access: 'signed-in', run: (req) => cards.scan(req.text, req.source) },
    'checkin:getScan': { access: 'signed-in', run: (req) => cards.getScan(req.scanId) },
    'checkin:compare': { access: 'signed-in', run: (req) => cards.compare(req.scanId, req) },
    'checkin:confirm': { access: 'signed-in', run: (req, scope) => cards.confirm(scope.actor, req.scanId, req, req.acceptCorrections) },
    'checkin:checkPerson': { access: 'signed-in', run: (req) => withoutCard.check(req) },
    'checkin:registerManual': { access: 'signed-in', run: (req, scope) => withoutCard.registerManual(scope.actor, req) },
    'checkin:registerForeigner': { access: 'signed-in', run: (req, scope) => withoutCard.registerForeigner(scope.actor, req) },
    'checkin:checkInKnown': { access: 'signed-in', run: (req, scope) => withoutCard.checkInKnown(scope.actor, req) },
    'checkin:searchCitizens': { access: 'signed-in', run: (req) => search.search(req.query, req.dateOfBirth, req.limit) },
    'checkin:corrections': { access: 'signed-in', run: (req) => search.corrections(req.citizenId) },
    'scanner:status': { access: 'signed-in', run: () => scanners.status() },
  };
}
