import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../components/use-core-query';
import { siteClock } from '../components/person-format';
import { station } from '../station';

/**
 * On every desk, once today's session is closed: the desks' work is over,
 * and the core refuses their writes; this says so, with who closed it and when.
 */
export function DayClosedNotice() {
  const { t } = useTranslation('day');
  const { data } = useCoreQuery(() => station.closeOfDay.today({}), [], ['plan:changed', 'day:changed']);
  const sessions = data?.sessions ?? [];
  if (sessions.some((s) => s.state === 'open')) return null;
  const closed = sessions.filter((s) => s.state === 'closed').at(-1);
  if (!closed || !closed.closedAt) return null;
  return (
    <Alert color="gray" mb="md" title={t('closedNotice.title')} data-testid="session-closed">
      {t('closedNotice.text', { at: siteClock(closed.closedAt), by: closed.closedBy ?? '' })}
    </Alert>
  );
}
