import { StationError } from '../errors';
import type { Services } from '../services';
import { SUPERVISOR, type Handlers } from '../handler-types';

type HubOps = 'hub:status' | 'hub:configure' | 'hub:startPairing' | 'hub:stopPairing' | 'hub:desks' | 'hub:updateDesk' | 'hub:revokeDesk';
type DeskOps = 'desk:link' | 'desk:probe' | 'desk:pair' | 'desk:forget' | 'desk:discover';

export function hubHandlers(s: Services): Handlers<HubOps> {
  return {
    'hub:status': { access: SUPERVISOR, run: () => s.hub.status() },
    'hub:configure': { access: SUPERVISOR, run: (req, scope) => s.hub.configure(scope.actor, req) },
    'hub:startPairing': { access: SUPERVISOR, run: (req, scope) => s.hub.startPairing(scope.actor, req.roles) },
    'hub:stopPairing': { access: SUPERVISOR, run: (_req, scope) => s.hub.stopPairing(scope.actor) },
    'hub:desks': { access: SUPERVISOR, run: (req) => s.hub.desks(req.includeRevoked ?? false) },
    'hub:updateDesk': { access: SUPERVISOR, run: (req, scope) => s.hub.updateDesk(scope.actor, req.id, req) },
    'hub:revokeDesk': { access: SUPERVISOR, run: (req, scope) => s.hub.revokeDesk(scope.actor, req.id) },
  };
}

/**
 * A desk's own transport answers `desk:*` (it knows its link to the hub).
 * When one reaches the core, the caller is this station's own desk: a local
 * station, which pairs with nothing.
 */
export function deskHandlers(): Handlers<DeskOps> {
  const local = () => ({
    mode: 'local' as const,
    state: 'local' as const,
    paired: false,
    hubAddress: null,
    fingerprint: null,
    deskName: null,
    refusal: null,
    canDiscover: false,
    needsAddress: false,
  });
  const unavailable = () => {
    throw new StationError('DESK_MODE_UNAVAILABLE', 'this station runs its own database');
  };
  return {
    'desk:link': { access: 'public', allowWhenLocked: true, run: local },
    'desk:probe': { access: 'public', run: unavailable },
    'desk:pair': { access: 'public', run: unavailable },
    'desk:forget': { access: 'public', run: local },
    'desk:discover': { access: 'public', run: unavailable },
  };
}
