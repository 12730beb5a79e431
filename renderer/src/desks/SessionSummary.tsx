import { Alert, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentPlan } from '../app/current-plan';
import { useDateFormat } from '../components/dates';

/** Today's open session as every desk sees it: place, capacity, lots on hand. */
export function SessionSummary({ showLots = true }: { showLots?: boolean }) {
  const { t } = useTranslation('desks');
  const formatDate = useDateFormat();
  const { current, loaded } = useCurrentPlan();
  if (!loaded) return null;
  if (!current) {
    return (
      <Alert color="yellow" title={t('noSession.title')} data-testid="no-session">
        {t('noSession.text')}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" data-testid="session-summary">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t('session.heading', { date: formatDate(current.sessionDate) })}
        </Title>
        <Badge>{t(`plan:period.${current.period}`)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {current.location} · {t('session.capacity', { count: current.plannedCapacity })} · {t('session.targets', { count: current.targetCount })}
      </Text>
      {showLots && (
        <Table mt="sm" striped withTableBorder aria-label={t('session.lots')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan:lot.product')}</Table.Th>
              <Table.Th>{t('plan:lot.lotNumber')}</Table.Th>
              <Table.Th>{t('plan:lot.expiryDate')}</Table.Th>
              <Table.Th ta="right">{t('plan:lot.dosesOnHand')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {current.lots.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.productName}</Table.Td>
                <Table.Td>{l.lotNumber}</Table.Td>
                <Table.Td>{formatDate(l.expiryDate)}</Table.Td>
                <Table.Td ta="right">{l.dosesOnHand}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
