import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

/**
 * Today's referrals, first: each one is the supervisor's to follow up (the
 * hospital, the held certificate). Below them, who left or was not there.
 */
export function ReferralsPanel() {
  const { t } = useTranslation('corrections');
  const { data, error } = useCoreQuery(() => station.queue.outcomes({}), [], ['queue:changed']);
  const outcomes = data ?? [];
  const referrals = outcomes.filter((o) => o.outcome === 'referred');
  const others = outcomes.filter((o) => o.outcome !== 'referred');
  return (
    <Paper withBorder p="md" data-testid="referrals">
      <Title order={2} size="h5" mb="xs">
        {t('referrals.title')}
      </Title>
      {error && <ErrorAlert error={error} />}
      {referrals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('referrals.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {referrals.map((r) => (
            <Alert key={r.visitId} color="red" variant="light" title={t('referrals.item', { number: r.queueNumber, name: r.citizen.fullName, at: siteClock(r.recordedAt) })} data-testid="referral-item">
              <Text size="sm" fw={600}>
                {t('referrals.to', { place: r.referredTo ?? '' })}
              </Text>
              <Text size="sm">
                {t(`referrals.from.${r.fromStep}`)} · {t('referrals.by', { name: r.recordedBy })}
              </Text>
              {r.note && <Text size="sm">{r.note}</Text>}
              {r.doseGiven && (
                <Badge color="orange" variant="light" tt="none" mt={4} data-testid="certificate-held">
                  {t('referrals.certificateHeld')}
                </Badge>
              )}
            </Alert>
          ))}
        </Stack>
      )}
      {others.length > 0 && (
        <Table mt="sm" striped withTableBorder data-testid="visits-ended">
          <Table.Tbody>
            {others.map((o) => (
              <Table.Tr key={o.visitId} data-outcome={o.outcome}>
                <Table.Td ff="monospace">{o.queueNumber}</Table.Td>
                <Table.Td>{o.citizen.fullName}</Table.Td>
                <Table.Td>{t(`referrals.outcome.${o.outcome}`)}</Table.Td>
                <Table.Td>{siteClock(o.recordedAt)}</Table.Td>
                <Table.Td>{o.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/**
 * The end of the day: everyone still waiting for screening or a dose is
 * recorded as not served, in one step the supervisor confirms. People under
 * observation are not touched; the desk says how many are still there.
 */
export function ClearQueueButton() {
  const { t } = useTranslation('corrections');
  const waiting = useCoreQuery(() => station.queue.list({ steps: ['screening', 'injection'] }), [], ['queue:changed']).data ?? [];
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<StationErrorData | null>(null);
  const clear = async () => {
    const r = await station.queue.clear({});
    if (!r.ok) return setError(r.error);
    setError(null);
    setAsking(false);
    notifications.show({ color: 'teal', message: t('clear.done', { count: r.value.cleared, observation: r.value.stillInObservation }) });
  };
  return (
    <>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('clear.hint', { count: waiting.length })}
        </Text>
        <Button variant="light" color="orange" disabled={waiting.length === 0} onClick={() => setAsking(true)} data-testid="clear-queue">
          {t('clear.open')}
        </Button>
      </Group>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('clear.title')}>
        <Stack>
          <Text>{t('clear.ask', { count: waiting.length })}</Text>
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('clear.cancel')}
            </Button>
            <Button color="orange" onClick={() => void clear()} data-testid="clear-queue-confirm" data-autofocus>
              {t('clear.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
