/** EU DCC certificates: signing keys, issuing, printing, verifying. */
export const certificatesOps = {};

/** Events this area pushes to desks. */
export const certificatesEvents = {};
