import type { clinicalOps } from '../../../preload/contract';
import { SUPERVISOR, type Handlers } from '../handler-types';
import type { Services } from '../services';

type ClinicalOps = keyof typeof clinicalOps;

/**
 * Nurses do the desk work (screening, vials, doses, observation, adverse
 * events); only supervisors correct a recorded dose or release someone before
 * the end of observation.
 */
export function clinicalHandlers(s: Services): Handlers<ClinicalOps> {
  const c = s.clinical;
  return {
    'screening:forms': { access: 'signed-in', run: () => c.screening.forms() },
    'screening:preview': { access: 'signed-in', run: (req) => c.screening.preview(req.visitId, req.answers) },
    'screening:record': { access: 'signed-in', run: (req, scope) => c.screening.record(scope.actor, req) },
    'screening:get': { access: 'signed-in', run: (req) => c.screening.latest(req.visitId) },
    'vials:list': { access: 'signed-in', run: () => c.vials.list() },
    'vials:open': { access: 'signed-in', run: (req, scope) => c.vials.open(scope.actor, req.lotId) },
    'vials:discard': { access: 'signed-in', run: (req, scope) => c.vials.discard(scope.actor, req.vialId, req.reason, req.note) },
    'vials:waste': { access: 'signed-in', run: (req, scope) => c.vials.waste(scope.actor, req.vialId, req.doses, req.reason, req.note) },
    'doses:suggest': { access: 'signed-in', run: (req) => c.doses.suggest(req.visitId) },
    'doses:record': { access: 'signed-in', run: (req, scope) => c.doses.record(scope.actor, req) },
    'doses:history': { access: 'signed-in', run: (req) => c.doses.history(req.citizenId) },
    'doses:list': { access: 'signed-in', run: (req) => c.doses.list(req.date) },
    'doses:void': { access: SUPERVISOR, run: (req, scope) => c.corrections.void(scope.actor, req.doseId, req.reason) },
    'doses:supersede': {
      access: SUPERVISOR,
      run: ({ doseId, reason, ...changes }, scope) => c.corrections.supersede(scope.actor, doseId, reason, changes),
    },
    // A locked desk keeps showing the board, read-only, with its timers: it is the room's safety display.
    'observation:board': { access: 'signed-in', allowWhenLocked: true, run: () => c.observation.board() },
    'observation:release': { access: 'signed-in', run: (req, scope) => c.observation.release(scope.actor, req.visitId) },
    'observation:releaseEarly': { access: SUPERVISOR, run: (req, scope) => c.observation.releaseEarly(scope.actor, req.visitId, req.reason) },
    'observation:refer': { access: 'signed-in', run: (req, scope) => s.outcomes.referFromObservation(scope.actor, req.visitId, req.referredTo, req.note) },
    'aefi:record': { access: 'signed-in', run: (req, scope) => c.aefi.record(scope.actor, req) },
    'aefi:list': { access: 'signed-in', run: (req) => c.aefi.list(req) },
    // Any desk follows an event up while the day is open; on a closed day the service lets only a supervisor amend it.
    'aefi:followUp': { access: 'signed-in', run: (req, scope) => c.aefi.followUp(scope.actor, req) },
    'doses:requestCorrection': { access: 'signed-in', run: (req, scope) => c.correctionRequests.request(scope.actor, req.doseId, req.reason) },
    'doses:correctionRequests': { access: 'signed-in', run: () => c.correctionRequests.list() },
    'doses:dismissCorrectionRequest': { access: SUPERVISOR, run: (req, scope) => c.correctionRequests.dismiss(scope.actor, req.requestId, req.note) },
  };
}
