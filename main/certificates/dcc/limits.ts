/**
 * Size limits checked before each decoding stage, so hostile input is refused
 * in bounded time and memory whatever it claims to contain.
 */

/**
 * Longest HC1 text accepted. The largest QR code holds 4,296 alphanumeric
 * characters; the rest is slack for pasted text.
 */
export const MAX_HC1_LENGTH = 5_000;

/**
 * Most bytes inflation may produce. Real certificates inflate to well under
 * 2 KB; anything that grows past this is a zip bomb or not a certificate.
 */
export const MAX_INFLATED_BYTES = 64 * 1024;
