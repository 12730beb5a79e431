import { z } from 'zod';

/**
 * Stable error codes crossing the renderer/core boundary. The UI translates each
 * code (renderer/src/i18n/<lang>/errors.json); `message` is an English fallback
 * for logs and for developers, never shown as the primary text.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_OPERATION',
  'INTERNAL',
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_ACCOUNT_LOCKED',
  'AUTH_SESSION_LOCKED',
  'FORBIDDEN_ROLE',
  'SETUP_REQUIRED',
  'SETUP_ALREADY_DONE',
  'NOT_FOUND',
  'USERNAME_TAKEN',
  'LAST_SUPERVISOR',
  'PLAN_NOT_EDITABLE',
  'PLAN_STATE_INVALID',
  'PLAN_DUPLICATE',
  'PLAN_DATE_PAST',
  'PLAN_NOT_TODAY',
  'PLAN_NO_LOTS',
  'PLAN_OTHER_OPEN',
  'LOT_EXPIRED',
  'LOT_EXPIRES_BEFORE_SESSION',
  'LOT_DUPLICATE',
  'LOT_IN_USE',
  'PRODUCT_UNKNOWN',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_FILE_EMPTY',
  'IMPORT_ENCODING_UNSUPPORTED',
  'IMPORT_NOT_CSV',
  'IMPORT_HEADER_MISSING',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_PREVIEW_EXPIRED',
  'IMPORT_NO_VALID_ROWS',
  'IMPORT_CONFLICT',
] as const;

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
