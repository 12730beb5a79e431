/** Screening, injection (vials, doses), observation and adverse events. */
export const clinicalOps = {};

/** Events this area pushes to desks. */
export const clinicalEvents = {};
