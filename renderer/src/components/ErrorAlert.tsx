import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StationErrorData } from '../../../preload/contract';
import { readableParams } from './dates';

/** Shows a core error in the user's language, from its stable code and params. */
export function ErrorAlert({ error, title }: { error: StationErrorData; title?: string }) {
  const { t } = useTranslation('errors');
  // Dates and instants in the core's ISO forms are shown as the site reads them (dd/MM/yyyy, local time).
  const params = readableParams(error.params ?? {});
  // A visit's step is a code: said in words, as the desks name the steps.
  if (typeof params.step === 'string') params.step = t(`checkin:step.${params.step}`, { defaultValue: params.step });
  return (
    <Alert color="red" title={title ?? t('title')} role="alert" data-error-code={error.code}>
      {t(error.code, { ...params, context: typeof params.kind === 'string' ? params.kind : undefined, defaultValue: t('INTERNAL') })}
      {error.issues && error.issues.length > 0 && (
        <List size="sm" mt="xs">
          {error.issues.map((i) => (
            <List.Item key={`${i.path}-${i.code}`}>
              {i.path ? `${t(`fields.${i.path}`, { defaultValue: i.path })}: ` : ''}
              {t(`issue.${i.code}`, { defaultValue: i.message })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
