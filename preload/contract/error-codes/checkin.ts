/** Codes of the check-in desk and the visit queue. */
export const CHECKIN_ERROR_CODES = ['NO_OPEN_SESSION', 'VISIT_OUT_OF_ORDER'] as const;
