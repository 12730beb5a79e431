import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayVerification, DayView, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { station } from '../../station';

/**
 * A closed day: its signed manifest (with a check of it against the records
 * now), the decisions taken at close, the amendments since, and re-opening
 * with a reason, which only today's session allows.
 */
export function ClosedDay({ view, isToday, onChanged }: { view: DayView; isToday: boolean; onChanged(): void }) {
  const { t } = useTranslation('day');
  const manifest = view.manifests.at(-1);
  const [check, setCheck] = useState<DayVerification | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);

  const verify = async () => {
    const r = await station.closeOfDay.verify({ planId: view.session.planId });
    if (!r.ok) return setError(r.error);
    setCheck(r.value);
  };
  const reopen = async () => {
    const r = await station.closeOfDay.reopen({ planId: view.session.planId, reason });
    if (!r.ok) return setError(r.error);
    setReason('');
    setError(null);
    onChanged();
  };

  return (
    <Stack>
      {manifest && (
        <Paper withBorder p="md" data-testid="manifest">
          <Group justify="space-between">
            <Title order={2} size="h5">
              {t('manifest.title', { revision: manifest.revision })}
            </Title>
            <Badge color={manifest.national ? 'teal' : 'yellow'}>{manifest.national ? t('manifest.national') : t('manifest.provisional')}</Badge>
          </Group>
          <Text size="sm">{t('manifest.signed', { at: siteClock(manifest.signedAt), by: manifest.signedBy, records: manifest.records })}</Text>
          <Text size="xs" mt="xs">
            {t('manifest.statement')} <Code data-testid="manifest-hash">{manifest.statementSha256}</Code>
          </Text>
          <Text size="xs">
            {t('manifest.key')} <Code>{manifest.keyFingerprint}</Code>
          </Text>
          <Group mt="xs">
            <Button size="xs" variant="light" onClick={() => void verify()} data-testid="manifest-verify">
              {t('manifest.verify')}
            </Button>
            {check && (
              <Badge color={check.ok ? 'teal' : 'red'} data-testid="manifest-check">
                {check.ok ? t('manifest.ok') : t('manifest.bad', { count: check.problems.length })}
              </Badge>
            )}
          </Group>
        </Paper>
      )}
      <Paper withBorder p="md" data-testid="decisions">
        <Title order={2} size="h5" mb="xs">
          {t('decisions.title')}
        </Title>
        {view.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('decisions.none')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {view.decisions.map((d) => (
                <Table.Tr key={`${d.key}-${d.decidedAt}`}>
                  <Table.Td>{t(`kind.${d.kind}`)}</Table.Td>
                  <Table.Td>{[d.item.queueNumber !== null ? `#${d.item.queueNumber}` : '', d.item.fullName ?? '', typeof d.item.params.lotNumber === 'string' ? d.item.params.lotNumber : ''].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>{d.reason}</Table.Td>
                  <Table.Td>
                    {d.decidedBy} · {siteClock(d.decidedAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {view.amendments.length > 0 && (
          <>
            <Title order={3} size="h6" mt="md" mb="xs">
              {t('decisions.amendments')}
            </Title>
            <Table data-testid="amendments">
              <Table.Tbody>
                {view.amendments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.operation}</Table.Td>
                    <Table.Td>{a.reason}</Table.Td>
                    <Table.Td>
                      {a.amendedBy} · {siteClock(a.amendedAt)}
                    </Table.Td>
                    <Table.Td>{t('decisions.revision', { revision: a.revision })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Paper>
      {isToday && view.session.state === 'closed' && (
        <Paper withBorder p="md" data-testid="reopen">
          <Title order={2} size="h5" mb="xs">
            {t('reopen.title')}
          </Title>
          <Alert color="yellow" mb="sm">
            {t('reopen.explain')}
          </Alert>
          <Group align="flex-end">
            <Textarea label={t('reopen.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} w={420} data-testid="reopen-reason" />
            <Button variant="default" onClick={() => void reopen()} data-testid="reopen-day">
              {t('reopen.confirm')}
            </Button>
          </Group>
        </Paper>
      )}
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}
