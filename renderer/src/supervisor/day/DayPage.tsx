import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDateFormat } from '../../components/dates';
import { siteClock } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';
import { ClosedDay } from './ClosedDay';
import { ClosePanel } from './ClosePanel';
import { DayCharts } from './DayCharts';
import { FigureTables } from './FigureTables';
import { LotsTable } from './LotsTable';
import { ReportPanel } from './ReportPanel';
import { useLiveDay } from './use-live-day';
import { WorkList } from './WorkList';

/**
 * The supervisor's close of day: today's session (or a past one from the
 * history) with its live charts, the reconciliation line by line, the work
 * list, the close, and once closed the signed manifest and the day report.
 */
export function DayPage() {
  const { t } = useTranslation(['day', 'plan']);
  const formatDate = useDateFormat();
  const { planId } = useParams();
  const query = useLiveDay(planId);
  const today = useCoreQuery(() => station.closeOfDay.today({}), []);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const view = query.data;

  if (!query.loaded) return <Loader aria-label={t('loading')} />;
  if (query.error && !view) return <ErrorAlert error={query.error} />;
  if (!view) {
    return (
      <Alert color="yellow" data-testid="day-none">
        {t('none')}
      </Alert>
    );
  }
  const s = view.session;
  const isToday = today.data?.date === s.sessionDate;
  return (
    <Stack data-testid="day-page" data-state={s.state}>
      <Paper withBorder p="md">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              {t('heading', { date: formatDate(s.sessionDate), period: t(`plan:period.${s.period}`) })}
            </Title>
            <Text size="sm" c="dimmed">
              {s.location}
            </Text>
          </div>
          <Group>
            <Badge size="lg" color={s.state === 'closed' ? 'gray' : 'teal'} data-testid="day-state">
              {t(`state.${s.state}`)}
            </Badge>
            {s.closedAt && (
              <Text size="sm" data-testid="day-closed-at">
                {t('closedAt', { at: siteClock(s.closedAt), by: s.closedBy ?? '' })}
              </Text>
            )}
          </Group>
        </Group>
      </Paper>
      {query.error && <ErrorAlert error={query.error} />}
      {s.state === 'open' && <WorkList items={view.workList} reasons={reasons} onReason={(key, reason) => setReasons((r) => ({ ...r, [key]: reason }))} />}
      {s.state === 'open' && <ClosePanel view={view} reasons={reasons} onClosed={query.reload} />}
      {s.state === 'closed' && <ClosedDay view={view} isToday={isToday} onChanged={query.reload} />}
      <ReportPanel planId={s.planId} />
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {t('lots.title')}
        </Title>
        <LotsTable lots={view.reconciliation.lots} editable={s.state === 'open'} />
      </Paper>
      <DayCharts reconciliation={view.reconciliation} />
      <FigureTables reconciliation={view.reconciliation} />
    </Stack>
  );
}
