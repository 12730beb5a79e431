import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatBirthDate } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

/** The citizen's doses known to this station (given here, reported, or from the registry), kept fresh as doses are recorded. */
export function DoseHistoryPanel({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation('checkin');
  const { data, error, loaded } = useCoreQuery(() => station.doses.history({ citizenId }), [citizenId], ['doses:changed']);
  const doses = data?.doses ?? [];
  const navigate = useNavigate();
  return (
    <Paper withBorder p="md" data-testid="dose-history">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('history.title')}
        </Title>
        {/* Doses given elsewhere come in from the citizen's certificate, checked by the verifier, never typed. */}
        <Button size="compact-sm" variant="light" onClick={() => navigate(`/verify?citizen=${encodeURIComponent(citizenId)}`)} data-testid="import-from-certificate">
          {t('history.importFromCertificate')}
        </Button>
      </Group>
      {error && !data ? (
        <Text size="sm" c="dimmed">
          {t('history.unavailable')}
        </Text>
      ) : loaded && doses.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="dose-history-empty">
          {t('history.none')}
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.date')}</Table.Th>
              <Table.Th>{t('history.dose')}</Table.Th>
              <Table.Th>{t('history.product')}</Table.Th>
              <Table.Th>{t('history.lot')}</Table.Th>
              <Table.Th>{t('history.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doses.map((d) => (
              <Table.Tr key={d.id} c={d.status === 'valid' ? undefined : 'dimmed'} data-status={d.status}>
                <Table.Td>{formatBirthDate(d.givenOn)}</Table.Td>
                <Table.Td>
                  {d.doseNumber}/{d.seriesDoses}
                </Table.Td>
                <Table.Td>{d.productName}</Table.Td>
                <Table.Td>{d.lotNumber ?? '—'}</Table.Td>
                <Table.Td>
                  {t(`history.from.${d.source}`)}
                  {d.status !== 'valid' && (
                    <Badge ml={4} size="xs" color="gray">
                      {t(`history.status.${d.status}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
