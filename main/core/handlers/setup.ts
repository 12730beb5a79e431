import type { Services } from '../services';
import type { Handlers } from '../handler-types';

export function setupHandlers(s: Services): Handlers<'setup:status' | 'setup:initialize' | 'setup:seedDemo' | 'setup:ack'> {
  return {
    'setup:status': { access: 'public', allowWhenLocked: true, run: () => s.setup.status() },
    'setup:initialize': { access: 'public', run: (req) => s.setup.initialize(req.site, req.supervisor) },
    'setup:seedDemo': { access: 'public', run: (req) => s.seedDemo(req.targets) },
    'setup:ack': { access: 'public', allowWhenLocked: true, run: () => ({ done: true as const }) },
  };
}
