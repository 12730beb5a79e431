import { dayEvents, dayOps } from './close-of-day/day';

export * from './close-of-day/reconciliation';
export * from './close-of-day/day';

/** The supervisor's close of day. */
export const closeOfDayOps = { ...dayOps };
export const closeOfDayEvents = { ...dayEvents };
