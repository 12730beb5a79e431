import { Alert, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentPlan } from '../../app/current-plan';
import { useDateFormat } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';
import { AefiFollowUps } from './AefiFollowUps';
import { CorrectionRequests } from './CorrectionRequests';
import { DoseCorrectionModal, type Correction } from './DoseCorrectionModal';
import { ClearQueueButton, ReferralsPanel } from './VisitOutcomesPanel';

/** Serious adverse events of today, newest first: each needs the supervisor's attention and a report. */
function SeriousEvents() {
  const { t } = useTranslation(['corrections', 'observation']);
  const { data, error } = useCoreQuery(() => station.aefi.list({ seriousOnly: true }), [], ['aefi:recorded']);
  const events = data ?? [];
  return (
    <Paper withBorder p="md" data-testid="serious-aefi">
      <Title order={2} size="h5" mb="xs">
        {t('aefi.title')}
      </Title>
      {error && <ErrorAlert error={error} />}
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('aefi.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {events.map((a) => (
            <Alert key={a.id} color="red" title={t('aefi.item', { number: a.queueNumber, name: a.citizen.fullName, at: siteClock(a.onsetAt) })} data-testid="serious-aefi-item">
              <Text size="sm">{a.symptoms.map((s) => (s === 'other' && a.otherSymptoms ? a.otherSymptoms : t(`observation:aefi.symptom.${s}`))).join(', ')}</Text>
              <Text size="sm">{a.seriousness.map((c) => t(`observation:aefi.criterion.${c}`)).join(', ')}</Text>
              <Text size="sm">{t('aefi.action', { action: a.actionTaken })}</Text>
              {a.referredTo && <Text size="sm">{t('aefi.referred', { to: a.referredTo })}</Text>}
            </Alert>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * The supervisor's view of today's clinical records: serious adverse events
 * and referrals side by side, the end-of-day clearing of the queue, and every
 * dose recorded here with its corrections. A dose is voided or
 * superseded with a reason, never edited; older versions stay listed.
 */
export function ClinicalPanel() {
  const { t } = useTranslation(['corrections', 'injection']);
  const formatDate = useDateFormat();
  const { current } = useCurrentPlan();
  const { data, error } = useCoreQuery(() => station.doses.list({}), [], ['doses:changed']);
  const [correction, setCorrection] = useState<Correction>(null);
  const doses = data ?? [];
  return (
    <Stack>
      <Grid>
        <Grid.Col span={6}>
          <SeriousEvents />
        </Grid.Col>
        <Grid.Col span={6}>
          <ReferralsPanel />
        </Grid.Col>
      </Grid>
      <AefiFollowUps />
      <CorrectionRequests onCorrect={(dose) => setCorrection({ kind: 'supersede', dose })} />
      <Paper withBorder p="sm">
        <ClearQueueButton />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {t('doses.title')}
        </Title>
        {error && <ErrorAlert error={error} />}
        <Table striped withTableBorder data-testid="doses-today">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('doses.number')}</Table.Th>
              <Table.Th>{t('doses.name')}</Table.Th>
              <Table.Th>{t('doses.dose')}</Table.Th>
              <Table.Th>{t('doses.lot')}</Table.Th>
              <Table.Th>{t('doses.when')}</Table.Th>
              <Table.Th>{t('doses.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doses.map(({ dose, citizen, queueNumber }) => (
              <Table.Tr key={dose.id} c={dose.status === 'valid' ? undefined : 'dimmed'} data-testid="dose-row" data-status={dose.status} data-version={dose.version}>
                <Table.Td ff="monospace">{queueNumber ?? ''}</Table.Td>
                <Table.Td>{citizen.fullName}</Table.Td>
                <Table.Td>
                  {dose.productName} · {t('injection:history.dose', { number: dose.doseNumber })}
                </Table.Td>
                <Table.Td>{dose.lotNumber ?? '—'}</Table.Td>
                <Table.Td>{dose.givenAt ? siteClock(dose.givenAt) : formatDate(dose.givenOn)}</Table.Td>
                <Table.Td>
                  <Badge color={dose.status === 'valid' ? 'teal' : 'gray'} variant="light">
                    {t(`doses.state.${dose.status}`)}
                    {dose.version > 1 ? ` · v${dose.version}` : ''}
                  </Badge>
                  {dose.statusReason && (
                    <Text size="xs" c="dimmed">
                      {dose.statusReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {dose.status === 'valid' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" onClick={() => setCorrection({ kind: 'supersede', dose })} data-testid="correct-dose">
                        {t('supersede.open')}
                      </Button>
                      <Button size="compact-xs" variant="light" color="red" onClick={() => setCorrection({ kind: 'void', dose })} data-testid="void-dose">
                        {t('void.open')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {doses.length === 0 && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('doses.none')}
          </Text>
        )}
      </Paper>
      <DoseCorrectionModal key={correction?.dose.id ?? 'none'} correction={correction} lots={current?.lots ?? []} onClose={() => setCorrection(null)} />
    </Stack>
  );
}
