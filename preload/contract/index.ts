import type { z } from 'zod';
import { authOps, settingsOps, staffOps } from './auth';
import { catalogueOps, planOps, targetOps } from './plan';
import { setupOps } from './setup';
import { checkinOps } from './checkin';
import { clinicalOps } from './clinical';
import { certificatesOps } from './certificates';
import { stationOps } from './station';
import { closeOfDayOps } from './close-of-day';
import { syncOps } from './sync';
import { deskOps, hubOps } from './hub';
import type { Result } from './result';
import type { EventName, EventPayload } from './events';

export * from './result';
export * from './common';
export * from './events';
export * from './setup';
export * from './auth';
export * from './plan';
export * from './checkin';
export * from './clinical';
export * from './certificates';
export * from './station';
export * from './close-of-day';
export * from './sync';
export * from './hub';

/**
 * The one contract between renderer and core. Each key is an operation
 * `area:action`; the preload exposes it as `window.station.area.action(request)`.
 */
export const operations = {
  ...setupOps,
  ...authOps,
  ...staffOps,
  ...settingsOps,
  ...catalogueOps,
  ...planOps,
  ...targetOps,
  ...checkinOps,
  ...clinicalOps,
  ...certificatesOps,
  ...stationOps,
  ...closeOfDayOps,
  ...syncOps,
  ...hubOps,
  ...deskOps,
};

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type OpRequest<O extends OpName> = z.output<Operations[O]['request']>;
export type OpRequestInput<O extends OpName> = z.input<Operations[O]['request']>;
export type OpResponse<O extends OpName> = z.output<Operations[O]['response']>;

type AreaOf<O> = O extends `${infer A}:${string}` ? A : never;
type ActionOf<O, A extends string> = O extends `${A}:${infer M}` ? M : never;
export type Area = AreaOf<OpName>;

/** What `window.station` looks like to the renderer, whatever the transport. */
export type StationApi = {
  [A in Area]: {
    [M in ActionOf<OpName, A>]: (
      request: OpRequestInput<`${A}:${M}` & OpName>,
    ) => Promise<Result<OpResponse<`${A}:${M}` & OpName>>>;
  };
} & {
  /** Listen to a core event; returns a function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}
