import type { Handlers } from '../handler-types';
import type { Services } from '../services';

export function stationHandlers(s: Services): Handlers<'station:health'> {
  return {
    // Public: the start-up screen and the disk-full banner show before anyone signs in.
    'station:health': { access: 'public', allowWhenLocked: true, run: () => s.health.current() },
  };
}
