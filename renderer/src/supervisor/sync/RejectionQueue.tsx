import { Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Rejection, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDateFormat } from '../../components/dates';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';
import { reasonText } from './reason';

/**
 * Records the platform refused, with its reason: the supervisor corrects the
 * dose (the correction goes instead of the refused record) or fixes what was
 * wrong and resends, or hands the record to the national team with a note.
 */
export function RejectionQueue() {
  const { t } = useTranslation('sync');
  const formatDate = useDateFormat();
  const navigate = useNavigate();
  const list = useCoreQuery(() => station.sync.rejections({}), [], ['sync:status']);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [escalating, setEscalating] = useState<{ seq: number; note: string } | null>(null);

  const resend = async (r: Rejection) => {
    const res = await station.sync.resend({ seq: r.seq });
    if (!res.ok) return setError(res.error);
    setError(null);
    notifications.show({ color: 'teal', message: t('rejections.resent') });
    list.reload();
  };
  const escalate = async () => {
    if (!escalating) return;
    const res = await station.sync.escalate(escalating);
    if (!res.ok) return setError(res.error);
    setError(null);
    setEscalating(null);
    notifications.show({ color: 'teal', message: t('rejections.escalated') });
    list.reload();
  };
  const rows = list.data ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('rejections.title')}
      </Title>
      {error && <ErrorAlert error={error} />}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('rejections.empty')}</Text>
      ) : (
        <Table striped data-testid="rejection-queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rejections.citizen')}</Table.Th>
              <Table.Th>{t('rejections.record')}</Table.Th>
              <Table.Th>{t('rejections.reason')}</Table.Th>
              <Table.Th>{t('rejections.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const reason = reasonText(t, r.reason);
              return (
                <Table.Tr key={r.seq} data-testid={`rejection-${r.seq}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.citizen?.fullName ?? '—'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.citizen?.idNumber ?? ''} {formatDate(r.citizen?.dateOfBirth)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`rejections.kinds.${r.kind}`, { defaultValue: r.kind })}</Text>
                    <Text size="xs" c="dimmed">
                      {[formatDate(r.summary.givenOn), r.summary.productName, r.summary.lotNumber].filter((x) => x && x !== '—').join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={420}>
                    <Text size="sm" data-testid="rejection-reason">
                      {reason.plain}
                    </Text>
                    {reason.verbatim && (
                      <Text size="xs" c="dimmed" data-testid="rejection-verbatim">
                        {t('rejections.verbatim')}: {reason.verbatim}
                      </Text>
                    )}
                    {r.state === 'escalated' && (
                      <Badge color="grape" variant="light" mt={4}>
                        {t('page.escalated')}
                        {r.resolvedBy ? ` · ${r.resolvedBy}` : ''}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.kind.startsWith('dose.') && (
                        <Button size="compact-xs" variant="light" onClick={() => navigate('/supervisor/doses')}>
                          {t('rejections.fix')}
                        </Button>
                      )}
                      <Button size="compact-xs" variant="light" onClick={() => void resend(r)}>
                        {t('rejections.resend')}
                      </Button>
                      {r.state === 'rejected' && (
                        <Button size="compact-xs" variant="subtle" color="grape" onClick={() => setEscalating({ seq: r.seq, note: '' })}>
                          {t('rejections.escalate')}
                        </Button>
                      )}
                    </Group>
                    {escalating?.seq === r.seq && (
                      <Stack gap={4} mt={4}>
                        <Textarea size="xs" label={t('rejections.escalateNote')} value={escalating.note} onChange={(e) => setEscalating({ seq: r.seq, note: e.currentTarget.value })} />
                        <Button size="compact-xs" onClick={() => void escalate()}>
                          {t('rejections.escalateConfirm')}
                        </Button>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
