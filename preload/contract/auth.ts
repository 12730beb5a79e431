import { z } from 'zod';
import { Ack, Empty, Pin, Role, op } from './common';
import { Username } from './setup';

export const StaffSummary = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: Role,
  active: z.boolean(),
  /** Locked out after too many wrong PINs, until this instant (null: not locked). A supervisor can unlock it. */
  lockedUntil: z.string().nullable(),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

export const AuthState = z.object({
  staff: StaffSummary.nullable(),
  /** Signed in but locked: only the same person's PIN (or signing out) reopens the desk. */
  locked: z.boolean(),
  /** Minutes of inactivity after which the desk locks (UI) and the core refuses calls. */
  idleLockMinutes: z.number().int(),
});
export type AuthState = z.infer<typeof AuthState>;

export const authOps = {
  'auth:login': op({
    summary: 'Sign in at this desk with username and PIN',
    request: z.object({ username: Username, pin: z.string().min(1).max(32) }),
    response: AuthState,
  }),
  'auth:logout': op({ summary: 'Sign out of this desk', request: Empty, response: Ack }),
  'auth:whoami': op({ summary: 'Who is signed in at this desk', request: Empty, response: AuthState }),
  'auth:lock': op({ summary: 'Lock this desk (idle or on demand); the same person unlocks with the PIN', request: Empty, response: Ack }),
  'auth:unlock': op({ summary: 'Unlock a locked desk with the PIN of the person signed in', request: z.object({ pin: z.string().min(1).max(32) }), response: AuthState }),
};

export const StaffInput = z.object({
  fullName: z.string().trim().min(2).max(120),
  username: Username,
  role: Role,
  pin: Pin,
});

export const staffOps = {
  'staff:list': op({ summary: 'Staff accounts of the site', request: Empty, response: z.array(StaffSummary) }),
  'staff:create': op({ summary: 'Create a nurse or supervisor account', request: StaffInput, response: StaffSummary }),
  'staff:update': op({
    summary: 'Change role, name, active flag or PIN of an account',
    request: z.object({
      id: z.string(),
      fullName: z.string().trim().min(2).max(120).optional(),
      role: Role.optional(),
      active: z.boolean().optional(),
      pin: Pin.optional(),
    }),
    response: StaffSummary,
  }),
  'staff:unlock': op({
    summary: 'Lift the lockout of an account that had too many wrong PINs',
    request: z.object({ id: z.string().max(100) }),
    response: StaffSummary,
  }),
};

/** A USB scanner model that announces a vendor usage page instead of HID POS (0x8C), and how its reports are laid out. */
export const UsbScannerModel = z.object({
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  layout: z.enum(['auto', 'honeywell', 'length-prefixed']),
});
export type UsbScannerModel = z.infer<typeof UsbScannerModel>;

export const Settings = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Read USB HID-POS barcode scanners in the core (on by default; keyboard-mode scanners need nothing). */
  usbScanners: z.boolean(),
  usbScannerModels: z.array(UsbScannerModel).max(16),
});
export type Settings = z.infer<typeof Settings>;

export const settingsOps = {
  'settings:get': op({ summary: 'Station settings', request: Empty, response: Settings }),
  'settings:update': op({ summary: 'Change station settings', request: Settings.partial(), response: Settings }),
};
