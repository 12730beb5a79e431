import { DCC_ERROR_CODES } from '../../../preload/contract/error-codes/certificates';

/**
 * Stable codes for everything that can go wrong reading or issuing an EU DCC.
 * The list lives in the contract (the UI translates each code; the contract
 * cannot import from main), and the codec re-exports it from here.
 */
export { DCC_ERROR_CODES };

export type DccErrorCode = (typeof DCC_ERROR_CODES)[number];

/** A refusal: the code is for people (translated), detail is for logs. */
export interface DccError {
  code: DccErrorCode;
  detail?: string;
}

export type DccResult<T> = { ok: true; value: T } | { ok: false; error: DccError };

export function dccOk<T>(value: T): DccResult<T> {
  return { ok: true, value };
}

export function dccFail<T = never>(code: DccErrorCode, detail?: string): DccResult<T> {
  return detail === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, detail } };
}
