import type { ErrorCode, StationErrorData } from '../../preload/contract';

/**
 * A refusal the user should understand. Thrown inside the core, turned into
 * `{ ok: false, error }` at the boundary; the UI translates `code` with `params`.
 */
export class StationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
    readonly issues?: StationErrorData['issues'],
  ) {
    super(message);
    this.name = 'StationError';
  }

  toData(): StationErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** Throws the violation of a pure domain rule as a StationError. */
export function refuse(violation: { code: ErrorCode; params?: Record<string, string | number> } | null, message?: string): void {
  if (violation) throw new StationError(violation.code, message ?? violation.code.toLowerCase().replace(/_/g, ' '), violation.params);
}
