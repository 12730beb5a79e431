import { z } from 'zod';

/** Calendar date of the site, ISO form (yyyy-MM-dd), validated as a real date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'not a real calendar date');

/** An instant, always UTC with a Z suffix. */
export const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);

export const Uuid = z.string().uuid();

export const Role = z.enum(['nurse', 'supervisor']);
export type Role = z.infer<typeof Role>;

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;

/** A PIN: 4–8 digits typed on a numeric keypad. */
export const Pin = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

export const Empty = z.object({}).strict();

export const Ack = z.object({ done: z.literal(true) });

/** Defines one contract operation. Roles live in the core; the contract holds shapes only. */
export function op<Req extends z.ZodType, Res extends z.ZodType>(def: { request: Req; response: Res; summary: string }) {
  return def;
}
