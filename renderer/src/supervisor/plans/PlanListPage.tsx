import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PlanSummary } from '../../../../preload/contract';
import { useCoreQuery } from '../../components/use-core-query';
import { keysOf, useShortcuts } from '../../app/shortcuts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { station } from '../../station';
import { PlanForm } from './PlanForm';
import { stateColor } from './plan-state';
import { useDateFormat } from '../../components/dates';

/** Every session plan, newest first; Alt+J plans a new day. */
export function PlanListPage() {
  const { t } = useTranslation('plan');
  const formatDate = useDateFormat();
  const navigate = useNavigate();
  const { data, error } = useCoreQuery(() => station.plan.list({}), [], ['plan:changed']);
  const plans: PlanSummary[] = data ?? [];
  const [creating, setCreating] = useState(false);
  useShortcuts({ newPlan: () => setCreating(true) });

  return (
    <>
      <Group justify="space-between">
        <Text c="dimmed">{t('list.intro')}</Text>
        <Button onClick={() => setCreating(true)} rightSection={<Shortcut keys={keysOf('newPlan')} />}>
          {t('list.new')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} />}
      <Table highlightOnHover withTableBorder aria-label={t('list.heading')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.sessionDate')}</Table.Th>
            <Table.Th>{t('fields.period')}</Table.Th>
            <Table.Th>{t('fields.location')}</Table.Th>
            <Table.Th ta="right">{t('fields.plannedCapacity')}</Table.Th>
            <Table.Th ta="right">{t('list.targets')}</Table.Th>
            <Table.Th ta="right">{t('list.doses')}</Table.Th>
            <Table.Th>{t('list.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed" ta="center">
                  {t('list.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {plans.map((p) => (
            <Table.Tr
              key={p.id}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/supervisor/plans/${p.id}`)}
              onKeyDown={(e) => e.key === 'Enter' && navigate(`/supervisor/plans/${p.id}`)}
              data-testid="plan-row"
            >
              <Table.Td>{formatDate(p.sessionDate)}</Table.Td>
              <Table.Td>{t(`period.${p.period}`)}</Table.Td>
              <Table.Td>{p.location}</Table.Td>
              <Table.Td ta="right">{p.plannedCapacity}</Table.Td>
              <Table.Td ta="right">{p.targetCount}</Table.Td>
              <Table.Td ta="right">{p.dosesOnHand}</Table.Td>
              <Table.Td>
                <Badge color={stateColor(p.state)}>{t(`state.${p.state}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('list.new')} size="lg">
        <PlanForm
          submitLabel={t('form.create')}
          onSubmit={async (fields) => {
            const result = await station.plan.create(fields);
            if (result.ok) {
              setCreating(false);
              navigate(`/supervisor/plans/${result.value.id}`);
            }
            return result.ok ? null : result.error;
          }}
        />
      </Modal>
    </>
  );
}
