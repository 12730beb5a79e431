import { TARGET_GROUPS } from '../../domain/target-groups';
import type { Services } from '../services';
import { SUPERVISOR, type Handlers } from '../handler-types';

type CatalogueOps = 'catalogue:products' | 'catalogue:targetGroups';
type PlanOps = 'plan:list' | 'plan:get' | 'plan:current' | 'plan:create' | 'plan:update' | 'plan:addLot' | 'plan:updateLot' | 'plan:removeLot' | 'plan:open';
type TargetOps = 'targets:startImport' | 'targets:uploadChunk' | 'targets:previewImport' | 'targets:confirmImport' | 'targets:cancelImport' | 'targets:list';

export function catalogueHandlers(s: Services): Handlers<CatalogueOps> {
  return {
    'catalogue:products': { access: 'signed-in', run: () => s.plans.products() },
    'catalogue:targetGroups': { access: 'signed-in', run: () => [...TARGET_GROUPS] },
  };
}

/** Nurses read the plan (their desks work from it); only supervisors change it. */
export function planHandlers(s: Services): Handlers<PlanOps> {
  return {
    'plan:list': { access: 'signed-in', run: (req) => s.plans.list(req) },
    'plan:get': { access: 'signed-in', run: (req) => s.plans.get(req.id) },
    'plan:current': { access: 'signed-in', run: () => s.plans.current() },
    'plan:create': { access: SUPERVISOR, run: (req, scope) => s.plans.create(scope.actor, req) },
    'plan:update': { access: SUPERVISOR, run: ({ id, ...patch }, scope) => s.plans.update(scope.actor, id, patch) },
    'plan:addLot': { access: SUPERVISOR, run: ({ planId, ...lot }, scope) => s.plans.addLot(scope.actor, planId, lot) },
    'plan:updateLot': { access: SUPERVISOR, run: ({ lotId, ...patch }, scope) => s.plans.updateLot(scope.actor, lotId, patch) },
    'plan:removeLot': { access: SUPERVISOR, run: (req, scope) => s.plans.removeLot(scope.actor, req.lotId) },
    'plan:open': { access: SUPERVISOR, run: (req, scope) => s.plans.open(scope.actor, req.id) },
  };
}

export function targetHandlers(s: Services): Handlers<TargetOps> {
  return {
    'targets:startImport': { access: SUPERVISOR, run: (req, scope) => s.imports.start(scope.actor, req.planId, req.fileName, req.sizeBytes) },
    'targets:uploadChunk': { access: SUPERVISOR, run: (req, scope) => s.imports.chunk(scope.actor, req.uploadId, req.offset, req.dataBase64) },
    'targets:previewImport': { access: SUPERVISOR, run: (req, scope) => s.imports.preview(scope.actor, req.uploadId) },
    'targets:confirmImport': { access: SUPERVISOR, run: (req, scope) => s.imports.confirm(scope.actor, req.previewId) },
    'targets:cancelImport': {
      access: SUPERVISOR,
      run: (req) => {
        s.imports.cancel(req.previewId);
        return { done: true as const };
      },
    },
    'targets:list': {
      access: 'signed-in',
      run: (req) => s.plans.targets(req.planId, req.query ?? '', req.limit, req.offset),
    },
  };
}
