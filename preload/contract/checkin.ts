/** Check-in desk: scanning and matching identities, walk-ins, corrections, the queue. */
export const checkinOps = {};

/** Events this area pushes to desks. */
export const checkinEvents = {};
