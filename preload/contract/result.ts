import { z } from 'zod';
import { CORE_ERROR_CODES } from './error-codes/core';
import { CHECKIN_ERROR_CODES } from './error-codes/checkin';
import { CLINICAL_ERROR_CODES } from './error-codes/clinical';
import { CERTIFICATES_ERROR_CODES } from './error-codes/certificates';
import { STATION_ERROR_CODES } from './error-codes/station';
import { CLOSE_OF_DAY_ERROR_CODES } from './error-codes/close-of-day';
import { SYNC_ERROR_CODES } from './error-codes/sync';
import { HUB_ERROR_CODES } from './error-codes/hub';

/**
 * Stable error codes crossing the renderer/core boundary. The UI translates each
 * code (renderer/src/i18n/<lang>/errors.json); `message` is an English fallback
 * for logs and for developers, never shown as the primary text. Each area keeps
 * its own list under error-codes/.
 */
export const ERROR_CODES = [...CORE_ERROR_CODES, ...CHECKIN_ERROR_CODES, ...CLINICAL_ERROR_CODES, ...CERTIFICATES_ERROR_CODES, ...STATION_ERROR_CODES, ...CLOSE_OF_DAY_ERROR_CODES, ...SYNC_ERROR_CODES, ...HUB_ERROR_CODES] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const StationErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Values the translated message interpolates (a date, a lot number, a limit). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Field-level problems for VALIDATION_FAILED: path → code. */
  issues: z
    .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
    .optional(),
});
export type StationErrorData = z.infer<typeof StationErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: StationErrorData };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: StationErrorSchema }),
  ]);
}
