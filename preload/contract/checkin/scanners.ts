import { z } from 'zod';
import { Empty, op } from '../common';

/**
 * USB HID-POS barcode scanners read by the core. Their scans reach the
 * check-in desk as `scanner:scan` events carrying only the scan's id (every
 * desk hears events; the identity itself is fetched with `checkin:getScan`
 * by a signed-in desk).
 */

export const ScannerDevice = z.object({
  id: z.string(),
  name: z.string(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  state: z.enum(['connected', 'error']),
  error: z.string().nullable(),
  scans: z.number().int(),
  lastScanAt: z.string().nullable(),
});
export type ScannerDevice = z.infer<typeof ScannerDevice>;

export const ScannerStatus = z.object({
  /**
   * off: switched off in the settings, or the core runs without devices (tests);
   * unavailable: node-hid could not load (see `reason`); watching: looking for scanners.
   */
  state: z.enum(['off', 'starting', 'unavailable', 'watching']),
  reason: z.string().nullable(),
  devices: z.array(ScannerDevice),
  /** The last problem a scanner reported (cannot open, report malformed…), for the desk to show. */
  lastError: z.object({ code: z.string(), message: z.string(), device: z.string().nullable(), at: z.string() }).nullable(),
});
export type ScannerStatus = z.infer<typeof ScannerStatus>;

export const scannerOps = {
  'scanner:status': op({ summary: 'USB HID-POS scanners: watching or not, devices connected, last problem', request: Empty, response: ScannerStatus }),
};

export const scannerEvents = {
  /** A USB scanner read a code; the check-in desk fetches it with checkin:getScan. */
  'scanner:scan': z.object({ scanId: z.string(), device: z.string() }),
  /** A scanner was plugged in, pulled out, failed, or the watcher started or stopped. */
  'scanner:changed': z.object({ state: ScannerStatus.shape.state }),
};
