import { Badge, Button, Group, Modal, Paper, PasswordInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffInput, type StaffSummary, type StationErrorData } from '../../../../preload/contract';
import { formatSiteDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCoreQuery } from '../../components/use-core-query';
import { zodValidator } from '../../components/zod-form';
import { station } from '../../station';

/** Staff accounts: nurses and supervisors, activated or not. */
export function StaffPanel() {
  const { t, i18n } = useTranslation('supervisor');
  const [resetting, setResetting] = useState<StaffSummary | null>(null);
  const query = useCoreQuery(() => station.staff.list({}), []);
  const staff: StaffSummary[] = query.data ?? [];
  const [actionError, setError] = useState<StationErrorData | null>(null);
  const error = actionError ?? query.error;
  const form = useForm({
    initialValues: { fullName: '', username: '', role: 'nurse' as 'nurse' | 'supervisor', pin: '' },
    validate: zodValidator(StaffInput, t),
  });

  const create = form.onSubmit(async (values) => {
    const r = await station.staff.create(values);
    if (!r.ok) return setError(r.error);
    setError(null);
    form.reset();
    notifications.show({ color: 'teal', message: t('staff.created', { name: r.value.fullName }) });
    query.reload();
  });
  const setActive = async (s: StaffSummary, active: boolean) => {
    const r = await station.staff.update({ id: s.id, active });
    if (!r.ok) return setError(r.error);
    query.reload();
  };
  const unlock = async (s: StaffSummary) => {
    const r = await station.staff.unlock({ id: s.id });
    if (!r.ok) return setError(r.error);
    setError(null);
    notifications.show({ color: 'teal', message: t('staff.unlocked', { name: s.fullName }) });
    query.reload();
  };

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('staff.heading')}
      </Title>
      {error && <ErrorAlert error={error} />}
      <Table withTableBorder aria-label={t('staff.heading')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.fullName')}</Table.Th>
            <Table.Th>{t('staff.username')}</Table.Th>
            <Table.Th>{t('staff.role')}</Table.Th>
            <Table.Th>{t('staff.active')}</Table.Th>
            <Table.Th>{t('staff.signIn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.fullName}</Table.Td>
              <Table.Td>{s.username}</Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`common:role.${s.role}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Switch checked={s.active} onChange={(e) => void setActive(s, e.currentTarget.checked)} aria-label={t('staff.active')} />
              </Table.Td>
              <Table.Td data-testid={`staff-lock-${s.username}`}>
                {s.lockedUntil ? (
                  <Group gap="xs" wrap="nowrap">
                    <Badge color="red" variant="light">
                      {t('staff.lockedUntil', { until: formatSiteDateTime(s.lockedUntil, i18n.language) })}
                    </Badge>
                    <Button size="compact-sm" variant="light" onClick={() => void unlock(s)}>
                      {t('staff.unlock')}
                    </Button>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('staff.notLocked')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="subtle" onClick={() => setResetting(s)} aria-label={`${t('staff.resetPin')}: ${s.fullName}`}>
                  {t('staff.resetPin')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {resetting && (
        <ResetPinModal
          staff={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            setResetting(null);
            query.reload();
          }}
        />
      )}
      <form noValidate onSubmit={create} aria-label={t('staff.add')}>
        <SimpleGrid cols={4} mt="md">
          <TextInput label={t('staff.fullName')} required {...form.getInputProps('fullName')} />
          <TextInput label={t('staff.username')} required autoComplete="off" {...form.getInputProps('username')} />
          <Select
            label={t('staff.role')}
            data={[
              { value: 'nurse', label: t('common:role.nurse') },
              { value: 'supervisor', label: t('common:role.supervisor') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <PasswordInput label={t('staff.pin')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" variant="light">
            {t('staff.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/**
 * A new PIN for someone who forgot theirs, set by a supervisor. The core
 * (staff:update, supervisors only, audited) signs them out everywhere and
 * lifts any lockout.
 */
function ResetPinModal({ staff, onClose, onDone }: { staff: StaffSummary; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('supervisor');
  const [error, setError] = useState<StationErrorData | null>(null);
  const form = useForm({ initialValues: { pin: '' }, validate: zodValidator(StaffInput.pick({ pin: true }), t) });
  const save = form.onSubmit(async ({ pin }) => {
    const r = await station.staff.update({ id: staff.id, pin });
    if (!r.ok) return setError(r.error);
    notifications.show({ color: 'teal', message: t('staff.pinReset', { name: staff.fullName }) });
    onDone();
  });
  return (
    <Modal opened onClose={onClose} title={t('staff.resetPinFor', { name: staff.fullName })}>
      <form onSubmit={save} aria-label={t('staff.resetPin')}>
        <Stack>
          <Text size="sm">{t('staff.resetPinHint')}</Text>
          {error && <ErrorAlert error={error} />}
          <PasswordInput label={t('staff.newPin')} required inputMode="numeric" autoComplete="new-password" data-autofocus {...form.getInputProps('pin')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('staff.cancel')}
            </Button>
            <Button type="submit">{t('staff.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
