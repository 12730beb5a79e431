import { Badge, Button, Group, Paper, PasswordInput, Select, SimpleGrid, Switch, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffInput, type StaffSummary, type StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCoreQuery } from '../../components/use-core-query';
import { zodValidator } from '../../components/zod-form';
import { station } from '../../station';

/** Staff accounts: nurses and supervisors, activated or not. */
export function StaffPanel() {
  const { t } = useTranslation('supervisor');
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
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
