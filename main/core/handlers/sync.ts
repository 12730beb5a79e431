import type { syncOps } from '../../../preload/contract';
import { SUPERVISOR, type Handlers } from '../handler-types';
import type { Services } from '../services';

type SyncOps = keyof typeof syncOps;

/** Every desk reads the upload state; only supervisors run uploads, answer rejections and set the connection. */
export function syncHandlers(s: Services): Handlers<SyncOps> {
  const { sync } = s;
  return {
    'sync:status': { access: 'signed-in', run: () => sync.status() },
    'sync:rounds': { access: SUPERVISOR, run: (req) => sync.rounds(req.limit) },
    'sync:rejections': { access: SUPERVISOR, run: () => sync.rejections() },
    'sync:resend': { access: SUPERVISOR, run: (req, scope) => sync.resend(scope.actor, req.seq) },
    'sync:escalate': { access: SUPERVISOR, run: (req, scope) => sync.escalate(scope.actor, req.seq, req.note) },
    'sync:uploadNow': { access: SUPERVISOR, run: () => sync.uploadNow() },
    'sync:getConnection': { access: SUPERVISOR, run: () => sync.connection.view() },
    'sync:saveConnection': { access: SUPERVISOR, run: (req, scope) => sync.saveConnection(scope.actor, req) },
    'sync:unlock': { access: SUPERVISOR, run: (req) => sync.unlock(req.passphrase) },
    'sync:testConnection': { access: SUPERVISOR, run: () => sync.testConnection() },
  };
}
