import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { StationErrorData } from '../../../../preload/contract';
import { useCoreQuery } from '../../components/use-core-query';
import { keysOf, useShortcuts } from '../../app/shortcuts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { TargetSearch } from '../../components/TargetSearch';
import { station } from '../../station';
import { LotsPanel } from './LotsPanel';
import { PlanForm } from './PlanForm';
import { stateColor } from './plan-state';
import { TargetImportPanel } from './TargetImportPanel';
import { useDateFormat } from '../../components/dates';

/** One plan: its fields, lots on hand, target list; opened for the day from here (Alt+O). */
export function PlanDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('plan');
  const formatDate = useDateFormat();
  const query = useCoreQuery(() => station.plan.get({ id }), [id], ['plan:changed']);
  const plan = query.data;
  // An error from an earlier attempt is shown only while the plan is as it was then: a save or a lot added since means it no longer applies.
  const [failed, setFailed] = useState<{ error: StationErrorData; at: string | undefined } | null>(null);
  const setError = (e: StationErrorData | null) => setFailed(e ? { error: e, at: plan?.updatedAt } : null);
  const actionError = failed && failed.at === plan?.updatedAt ? failed.error : null;
  const error = actionError ?? query.error;

  const openSession = async () => {
    if (!plan || plan.state !== 'planned') return;
    const result = await station.plan.open({ id });
    if (!result.ok) return setError(result.error);
    setError(null);
    query.reload();
    notifications.show({ color: 'teal', message: t('detail.opened') });
  };
  useShortcuts({ open: () => void openSession() });

  if (!plan) return error ? <ErrorAlert error={error} /> : null;
  const editable = plan.state === 'planned';
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={2} size="h3">
            {t('detail.heading', { date: formatDate(plan.sessionDate), period: t(`period.${plan.period}`) })}
          </Title>
          <Badge color={stateColor(plan.state)} data-testid="plan-state">
            {t(`state.${plan.state}`)}
          </Badge>
        </Group>
        {editable && (
          <Button color="teal" onClick={openSession} rightSection={<Shortcut keys={keysOf('open')} />}>
            {t('detail.open')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t(`detail.stateHint.${plan.state}`)}
      </Text>
      {error && <ErrorAlert error={error} />}
      <Paper withBorder p="md">
        <PlanForm
          key={plan.updatedAt}
          disabled={!editable}
          initial={{
            sessionDate: plan.sessionDate,
            period: plan.period,
            location: plan.location,
            plannedCapacity: plan.plannedCapacity,
            targetGroups: plan.targetGroups,
            notes: plan.notes,
          }}
          submitLabel={t('form.save')}
          onSubmit={async (fields) => {
            const result = await station.plan.update({ id, ...fields });
            if (result.ok) {
              query.reload();
              notifications.show({ color: 'teal', message: t('form.saved') });
            }
            return result.ok ? null : result.error;
          }}
        />
      </Paper>
      <LotsPanel plan={plan} onChanged={query.reload} />
      {plan.state !== 'closed' && <TargetImportPanel planId={plan.id} />}
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('targets.heading')}
        </Title>
        <TargetSearch planId={plan.id} />
      </Paper>
    </Stack>
  );
}
