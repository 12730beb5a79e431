import type { Store } from '../../store';
import type { Amendments } from '../close-of-day/amendments';
import type { VisitQueue } from '../visits';
import { CorrectionRequests } from './correction-requests';
import type { VisitOutcomes } from '../visit-outcomes';
import { AefiService } from './aefi';
import { DoseCorrections } from './dose-corrections';
import { DoseService } from './doses';
import { ObservationService } from './observation';
import { ScreeningService } from './screening';
import { VialService } from './vials';

/** The clinical steps' services: screening, vials, doses and their corrections, observation, adverse events. */
export function createClinicalServices(store: Store, visits: VisitQueue, amendments: Amendments, outcomes: VisitOutcomes) {
  const doses = new DoseService(store, visits);
  return {
    screening: new ScreeningService(store, visits, outcomes),
    vials: new VialService(store),
    doses,
    corrections: new DoseCorrections(store, doses, amendments),
    correctionRequests: new CorrectionRequests(store),
    observation: new ObservationService(store, visits, (citizenId, dateOfBirth, today) => doses.nextDose(citizenId, dateOfBirth, today)),
    aefi: new AefiService(store, amendments, outcomes),
  };
}
export type ClinicalServices = ReturnType<typeof createClinicalServices>;
