import type { Transport } from './api';
import { operations, type DeskLinkStatus, type OpName, type OpRequest, type OpResponse, type Result } from './contract';
import type { LinkStatus } from './hub-transport';

type DeskOp = 'desk:link' | 'desk:probe' | 'desk:pair' | 'desk:forget' | 'desk:discover';

/** How a desk's own transport answers the `desk:*` operations (pairing, its link); each may refuse with a Result. */
export type DeskOpHandlers = { [O in DeskOp]: (request: OpRequest<O>) => Promise<Result<OpResponse<O>>> };

const isDeskOp = (op: OpName): op is DeskOp => op.startsWith('desk:');

/**
 * A desk's transport answers `desk:*` itself (they are about its link, which
 * the hub knows nothing of) and passes everything else to the hub. Requests
 * are checked against the contract here, as the core checks the others.
 */
export function withDeskOps(transport: Transport, handlers: DeskOpHandlers): Transport {
  return {
    async call(op, request) {
      if (!isDeskOp(op)) return transport.call(op, request);
      const parsed = operations[op].request.safeParse(request ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'VALIDATION_FAILED',
            message: `invalid request to ${op}`,
            issues: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
          },
        };
      }
      try {
        return await (handlers[op] as (r: unknown) => Promise<Result<unknown>>)(parsed.data);
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: `${op} failed: ${String(err)}` } };
      }
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}

/** The `desk:link` answer for a desk whose link stands as `status`. */
export function deskLinkStatus(status: LinkStatus, hub: { address: string | null; fingerprint: string | null; canDiscover: boolean; needsAddress: boolean; paired: boolean }): DeskLinkStatus {
  return {
    mode: 'desk',
    state: status.state,
    paired: hub.paired && status.refusal === null,
    hubAddress: hub.address,
    fingerprint: hub.fingerprint,
    deskName: status.desk?.name ?? null,
    refusal: status.refusal,
    canDiscover: hub.canDiscover,
    needsAddress: hub.needsAddress,
  };
}

/** Waits until the link is online or refused (after pairing), at most `ms`. */
export function whenLinkSettles(transport: Transport & { status(): LinkStatus }, ms: number): Promise<LinkStatus> {
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve(transport.status());
    };
    const stop = transport.subscribe((event) => {
      if (event !== 'link:state') return;
      const s = transport.status().state;
      if (s === 'online' || s === 'refused') done();
    });
    const timer = setTimeout(done, ms);
    const s = transport.status().state;
    if (s === 'online') done();
  });
}
