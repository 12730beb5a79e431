import type { Store } from '../../store';
import type { VisitQueue } from '../visits';
import { AefiService } from './aefi';
import { DoseCorrections } from './dose-corrections';
import { DoseService } from './doses';
import { ObservationService } from './observation';
import { ScreeningService } from './screening';
import { VialService } from './vials';

/** The clinical steps' services: screening, vials, doses and their corrections, observation, adverse events. */
export function createClinicalServices(store: Store, visits: VisitQueue) {
  const doses = new DoseService(store, visits);
  return {
    screening: new ScreeningService(store, visits),
    vials: new VialService(store),
    doses,
    corrections: new DoseCorrections(store, doses),
    observation: new ObservationService(store, visits),
    aefi: new AefiService(store),
  };
}
export type ClinicalServices = ReturnType<typeof createClinicalServices>;
