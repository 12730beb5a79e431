import { Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoseRecord, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

/** Nurses' requests to correct a dose: answered by correcting the dose, or dismissed with a note. */
export function CorrectionRequests({ onCorrect }: { onCorrect(dose: DoseRecord): void }) {
  const { t } = useTranslation('day');
  const { data, error, reload } = useCoreQuery(() => station.doses.correctionRequests({}), [], ['day:changed', 'doses:changed']);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<StationErrorData | null>(null);
  const requests = data ?? [];
  if (requests.length === 0 && !error) return null;
  return (
    <Paper withBorder p="md" data-testid="correction-requests">
      <Title order={2} size="h5" mb="xs">
        {t('requests.title')}
      </Title>
      {(error ?? failed) && <ErrorAlert error={(error ?? failed)!} />}
      <Table>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id} data-testid="correction-request" data-state={r.state}>
              <Table.Td>
                #{r.queueNumber ?? '—'} · {r.citizen.fullName}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.reason}</Text>
                <Text size="xs" c="dimmed">
                  {r.requestedBy} · {siteClock(r.requestedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.state === 'open' ? (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => onCorrect(r.dose)} disabled={r.dose.status !== 'valid'}>
                      {t('requests.correct')}
                    </Button>
                    <TextInput size="xs" placeholder={t('requests.note')} value={notes[r.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [r.id]: e.currentTarget.value }))} />
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={async () => {
                        const result = await station.doses.dismissCorrectionRequest({ requestId: r.id, note: notes[r.id] ?? '' });
                        if (!result.ok) return setFailed(result.error);
                        setFailed(null);
                        reload();
                      }}
                    >
                      {t('requests.dismiss')}
                    </Button>
                  </Group>
                ) : (
                  <Badge color="gray">{t(`requests.state.${r.state}`)}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
