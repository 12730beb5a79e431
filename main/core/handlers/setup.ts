import type { Services } from '../services';
import { SUPERVISOR, type Handlers } from '../handler-types';

export function setupHandlers(s: Services): Handlers<'setup:status' | 'setup:initialize' | 'setup:seedDemo' | 'setup:updateSite' | 'setup:ack'> {
  return {
    'setup:status': { access: 'public', allowWhenLocked: true, run: () => s.setup.status() },
    'setup:initialize': { access: 'public', run: (req) => s.setup.initialize(req.site, req.supervisor) },
    'setup:seedDemo': { access: 'public', run: (req) => s.seedDemo(req.targets) },
    'setup:updateSite': { access: SUPERVISOR, run: (req, scope) => s.setup.updateSite(scope.actor, req.site) },
    'setup:ack': { access: 'public', allowWhenLocked: true, run: () => ({ done: true as const }) },
  };
}
