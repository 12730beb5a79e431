import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AefiOutcome, type Aefi, type StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

function FollowUpModal({ aefi, onClose }: { aefi: Aefi; onClose(): void }) {
  const { t } = useTranslation('day');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const submit = async () => {
    if (!outcome) return;
    const r = await station.aefi.followUp({ aefiId: aefi.id, outcome: outcome as AefiOutcome, ...(note.trim() ? { note } : {}) });
    if (!r.ok) return setError(r.error);
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('followUp.title', { number: aefi.queueNumber, name: aefi.citizen.fullName })}>
      <form
        aria-label={t('followUp.title', { number: aefi.queueNumber, name: aefi.citizen.fullName })}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Select label={t('followUp.outcome')} data={AefiOutcome.options.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} value={outcome} onChange={setOutcome} required data-testid="follow-up-outcome" />
          <Textarea label={t('followUp.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" disabled={!outcome} data-testid="follow-up-save">
              {t('followUp.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Every adverse event of today with what became of it; one without follow-up stays on the close-of-day work list. */
export function AefiFollowUps() {
  const { t } = useTranslation(['day', 'observation']);
  const { data, error } = useCoreQuery(() => station.aefi.list({}), [], ['aefi:recorded']);
  const [open, setOpen] = useState<Aefi | null>(null);
  const events = data ?? [];
  return (
    <Paper withBorder p="md" data-testid="aefi-follow-ups">
      <Title order={2} size="h5" mb="xs">
        {t('followUp.heading')}
      </Title>
      {error && <ErrorAlert error={error} />}
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('followUp.none')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {events.map((a) => (
              <Table.Tr key={a.id} data-testid="aefi-row">
                <Table.Td>
                  #{a.queueNumber} · {a.citizen.fullName}
                </Table.Td>
                <Table.Td>
                  {siteClock(a.onsetAt)} · {t(`observation:aefi.severityLevel.${a.severity}`, { defaultValue: a.severity })}
                  {a.serious && (
                    <Badge color="red" ml="xs" size="xs">
                      {t('followUp.serious')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{a.followUp ? `${t(`outcome.${a.followUp.outcome}`)} · ${a.followUp.recordedBy}` : <Text c="orange" size="sm">{t('outcome.none')}</Text>}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="light" onClick={() => setOpen(a)} data-testid="follow-up-open">
                    {t('followUp.record')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <FollowUpModal aefi={open} onClose={() => setOpen(null)} />}
    </Paper>
  );
}
