import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorData } from '../../../../preload/contract';
import { siteTime, useSyncStatus } from '../../app/use-sync-status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';
import { ConnectionPanel } from './ConnectionPanel';
import { RejectionQueue } from './RejectionQueue';

/** The supervisor's sync page: the state and progress of the upload, upload now, the rejection queue, the rounds, the connection. */
export function SyncPage() {
  const { t, i18n } = useTranslation('sync');
  const s = useSyncStatus();
  const rounds = useCoreQuery(() => station.sync.rounds({ limit: 30 }), [], ['sync:status']);
  const [error, setError] = useState<StationErrorData | null>(null);
  const time = (iso: string | null) => siteTime(iso, i18n.language);

  const uploadNow = async () => {
    const r = await station.sync.uploadNow({});
    if (!r.ok) return setError(r.error);
    setError(null);
    notifications.show({ color: r.value.started ? 'teal' : 'gray', message: t(r.value.started ? 'page.uploadStarted' : 'page.alreadyRunning') });
  };
  useHotkeys([['alt+U', () => void uploadNow()]], []);

  return (
    <Stack>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('page.title')}
          </Title>
          <Button onClick={() => void uploadNow()} rightSection={<Shortcut keys={['Alt', 'U']} />} data-testid="sync-upload-now" disabled={!s || s.connection === 'not_configured'}>
            {t('page.uploadNow')}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
        {s && (
          <>
            <SimpleGrid cols={{ base: 3, md: 6 }} mb="sm">
              <Figure label={t(`indicator.connection.${s.connection}`)} value={s.endpoint ?? '—'} small />
              <Figure label={t('page.queued')} value={s.queued} testId="sync-figure-queued" />
              <Figure label={t('page.rejected')} value={s.rejected} />
              <Figure label={t('page.sent')} value={s.sent} testId="sync-figure-sent" />
              <Figure label={t('page.lastSuccess')} value={time(s.lastSuccessAt)} small />
              <Figure label={t('page.nextTry')} value={time(s.nextTryAt)} small />
            </SimpleGrid>
            {s.held > 0 && <Text size="sm" c="dimmed">{t('page.held')}: {s.held}</Text>}
            {s.running && (
              <Stack gap={4} data-testid="sync-progress">
                <Progress value={s.running.total ? (100 * (s.running.sent + s.running.rejected)) / s.running.total : 0} animated striped />
                <Text size="sm">{t('page.progress', s.running)}</Text>
              </Stack>
            )}
            {s.lastProblem && !s.running && (
              <Alert color="orange" title={t('page.lastProblem')} data-testid="sync-problem">
                {t(`errors:${s.lastProblem.code}`)} {s.lastProblem.message}
              </Alert>
            )}
          </>
        )}
      </Paper>
      <RejectionQueue />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('rounds.title')}
        </Title>
        {(rounds.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('rounds.empty')}</Text>
        ) : (
          <Table striped data-testid="sync-rounds">
            <Table.Thead>
              <Table.Tr>
                {(['started', 'trigger', 'mode', 'outcome', 'sent', 'rejected', 'retried', 'pulled', 'requests'] as const).map((k) => (
                  <Table.Th key={k}>{t(`rounds.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rounds.data ?? []).map((r) => (
                <Table.Tr key={r.id} title={r.problem?.message}>
                  <Table.Td>{time(r.startedAt)}</Table.Td>
                  <Table.Td>{t(`rounds.triggers.${r.trigger}`)}</Table.Td>
                  <Table.Td>{r.mode ?? '—'}</Table.Td>
                  <Table.Td>{t(`rounds.outcomes.${r.outcome ?? 'running'}`)}</Table.Td>
                  <Table.Td>{r.sent}</Table.Td>
                  <Table.Td>{r.rejected}</Table.Td>
                  <Table.Td>{r.retried}</Table.Td>
                  <Table.Td>{r.pulled}</Table.Td>
                  <Table.Td>{r.requests}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ConnectionPanel />
    </Stack>
  );
}

function Figure({ label, value, small, testId }: { label: string; value: string | number; small?: boolean; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size={small ? 'sm' : 'xl'} fw={600} data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    </div>
  );
}
