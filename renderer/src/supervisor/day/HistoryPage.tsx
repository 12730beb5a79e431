import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDateFormat } from '../../components/dates';
import { siteClock } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

/** Past days: each opens its reconciliation, signed manifest and report. */
export function HistoryPage() {
  const { t } = useTranslation(['day', 'plan']);
  const formatDate = useDateFormat();
  const { data, error } = useCoreQuery(() => station.closeOfDay.history({}), [], ['day:changed', 'plan:changed']);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {t('history.title')}
      </Title>
      {error && <ErrorAlert error={error} />}
      {(data ?? []).length === 0 ? (
        <Text c="dimmed">{t('history.none')}</Text>
      ) : (
        <Table striped data-testid="history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.date')}</Table.Th>
              <Table.Th>{t('history.location')}</Table.Th>
              <Table.Th>{t('history.state')}</Table.Th>
              <Table.Th ta="right">{t('history.visits')}</Table.Th>
              <Table.Th ta="right">{t('history.doses')}</Table.Th>
              <Table.Th>{t('history.manifest')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((h) => (
              <Table.Tr key={h.planId} data-testid="history-row">
                <Table.Td>
                  <Anchor component={Link} to={`/supervisor/day/${h.planId}`}>
                    {formatDate(h.sessionDate)} · {t(`plan:period.${h.period}`)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{h.location}</Table.Td>
                <Table.Td>
                  <Badge color={h.state === 'closed' ? 'gray' : 'teal'}>{t(`state.${h.state}`)}</Badge>
                  {h.closedAt && (
                    <Text size="xs" c="dimmed">
                      {siteClock(h.closedAt)} · {h.closedBy}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{h.visits}</Table.Td>
                <Table.Td ta="right">{h.doses}</Table.Td>
                <Table.Td>{h.revision === null ? '—' : t('history.revision', { revision: h.revision, amendments: h.amendments })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
