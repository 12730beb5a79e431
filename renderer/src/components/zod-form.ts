import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * Checks a form with the same zod schema the core validates with, so the desk
 * catches mistakes before the round trip; messages come from the translation
 * files (errors:field.<name>), keyed by the field's name.
 */
export function zodValidator<S extends z.ZodType>(schema: S, t: TFunction) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      const field = String(issue.path[issue.path.length - 1] ?? '');
      errors[path] ??= t(`errors:field.${field}`, { defaultValue: t('errors:field.generic') });
    }
    return errors;
  };
}
