import { Button, Group, MultiSelect, NumberInput, SegmentedControl, SimpleGrid, Stack, TextInput, Textarea, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanFields, type StationErrorData } from '../../../../preload/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { zodValidator } from '../../components/zod-form';
import { useSession } from '../../app/session';
import { station } from '../../station';

export interface PlanFormValues {
  sessionDate: string;
  period: 'morning' | 'afternoon' | 'all_day';
  location: string;
  plannedCapacity: number;
  targetGroups: string[];
  notes: string;
}

/** The day's fields of a plan; used to create one and to edit a planned one. */
export function PlanForm({
  initial,
  submitLabel,
  disabled = false,
  onSubmit,
}: {
  initial?: PlanFormValues;
  submitLabel: string;
  disabled?: boolean;
  onSubmit: (values: PlanFormValues) => Promise<StationErrorData | null>;
}) {
  const { t } = useTranslation('plan');
  const { siteToday } = useSession();
  const [groups, setGroups] = useState<string[]>([]);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<PlanFormValues>({
    initialValues: initial ?? { sessionDate: siteToday, period: 'all_day', location: '', plannedCapacity: 100, targetGroups: [], notes: '' },
    validate: zodValidator(PlanFields, t),
  });
  useEffect(() => {
    void station.catalogue.targetGroups({}).then((r) => r.ok && setGroups(r.value));
  }, []);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const failure = await onSubmit(values);
    setBusy(false);
    setError(failure);
  });

  return (
    <form noValidate onSubmit={submit} aria-label={submitLabel}>
      <Stack>
        {error && <ErrorAlert error={error} />}
        <SimpleGrid cols={2}>
          <DateField label={t('fields.sessionDate')} withAsterisk disabled={disabled} data-autofocus {...form.getInputProps('sessionDate')} />
          <Input.Wrapper label={t('fields.period')} withAsterisk>
            <SegmentedControl
              fullWidth
              disabled={disabled}
              data={(['morning', 'afternoon', 'all_day'] as const).map((p) => ({ value: p, label: t(`period.${p}`) }))}
              {...form.getInputProps('period')}
            />
          </Input.Wrapper>
          <TextInput label={t('fields.location')} withAsterisk disabled={disabled} {...form.getInputProps('location')} />
          <NumberInput label={t('fields.plannedCapacity')} withAsterisk min={1} max={100000} disabled={disabled} {...form.getInputProps('plannedCapacity')} />
        </SimpleGrid>
        <MultiSelect
          label={t('fields.targetGroups')}
          data={groups.map((g) => ({ value: g, label: t(`group.${g}`) }))}
          searchable
          selectFirstOptionOnChange
          disabled={disabled}
          {...form.getInputProps('targetGroups')}
          // Enter in the picker picks a group; it never submits the whole plan half filled in.
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          data-testid="plan-target-groups"
        />
        <Textarea label={t('fields.notes')} autosize minRows={2} disabled={disabled} {...form.getInputProps('notes')} />
        {!disabled && (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
