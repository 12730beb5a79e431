/**
 * Published rules and forms must never change in place: a dose or a screening
 * answer refers to them by version. Freezing makes an accidental edit at run
 * time throw in strict mode instead of silently rewriting history.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
