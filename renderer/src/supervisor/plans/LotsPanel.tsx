import { ActionIcon, Button, Group, NumberInput, Paper, Select, SimpleGrid, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LotFields, type PlanDetail, type StationErrorData, type VaccineProduct } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { zodValidator } from '../../components/zod-form';
import { station } from '../../station';
import { useDateFormat } from '../../components/dates';

interface LotFormValues {
  productCode: string;
  lotNumber: string;
  expiryDate: string;
  dosesPerVial: number | '';
  vialsReceived: number | '';
}

const EMPTY: LotFormValues = { productCode: '', lotNumber: '', expiryDate: '', dosesPerVial: '', vialsReceived: '' };

/** The form keeps '' for an empty number box; the contract wants the field absent. */
function toRequest(v: LotFormValues) {
  return {
    productCode: v.productCode,
    lotNumber: v.lotNumber.trim(),
    expiryDate: v.expiryDate,
    ...(v.dosesPerVial === '' ? {} : { dosesPerVial: v.dosesPerVial }),
    vialsReceived: v.vialsReceived === '' ? Number.NaN : v.vialsReceived,
  };
}

/** The vaccine lots on hand for a plan; lots can be added until the session closes. */
export function LotsPanel({ plan, onChanged }: { plan: PlanDetail; onChanged: () => void }) {
  const { t } = useTranslation('plan');
  const formatDate = useDateFormat();
  const [products, setProducts] = useState<VaccineProduct[]>([]);
  const [error, setError] = useState<StationErrorData | null>(null);
  const form = useForm<LotFormValues>({
    initialValues: EMPTY,
    validate: (values) => zodValidator(LotFields, t)(toRequest(values)),
  });
  useEffect(() => {
    void station.catalogue.products({}).then((r) => r.ok && setProducts(r.value.filter((p) => p.active)));
  }, []);
  const product = products.find((p) => p.code === form.values.productCode);
  const canAdd = plan.state !== 'closed';

  const add = form.onSubmit(async (values) => {
    const result = await station.plan.addLot({ planId: plan.id, ...toRequest(values) });
    if (!result.ok) return setError(result.error);
    setError(null);
    form.setValues(EMPTY);
    onChanged();
  });
  const remove = async (lotId: string) => {
    const result = await station.plan.removeLot({ lotId });
    if (!result.ok) return setError(result.error);
    onChanged();
  };

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('lot.heading')}
      </Title>
      {error && <ErrorAlert error={error} />}
      <Table withTableBorder striped aria-label={t('lot.heading')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lot.product')}</Table.Th>
            <Table.Th>{t('lot.lotNumber')}</Table.Th>
            <Table.Th>{t('lot.expiryDate')}</Table.Th>
            <Table.Th ta="right">{t('lot.dosesPerVial')}</Table.Th>
            <Table.Th ta="right">{t('lot.vialsReceived')}</Table.Th>
            <Table.Th ta="right">{t('lot.dosesOnHand')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.lots.map((l) => (
            <Table.Tr key={l.id} data-testid="lot-row">
              <Table.Td>{l.productName}</Table.Td>
              <Table.Td>{l.lotNumber}</Table.Td>
              <Table.Td>{formatDate(l.expiryDate)}</Table.Td>
              <Table.Td ta="right">{l.dosesPerVial}</Table.Td>
              <Table.Td ta="right">{l.vialsReceived}</Table.Td>
              <Table.Td ta="right">{l.dosesOnHand}</Table.Td>
              <Table.Td>
                {plan.state === 'planned' && (
                  <ActionIcon variant="subtle" color="red" aria-label={t('lot.remove', { lotNumber: l.lotNumber })} onClick={() => void remove(l.id)}>
                    ×
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canAdd && (
        <form onSubmit={add} aria-label={t('lot.add')}>
          <SimpleGrid cols={5} mt="md">
            <Select
              label={t('lot.product')}
              required
              searchable
              data={products.map((p) => ({ value: p.code, label: p.formulation ? `${p.name} — ${p.formulation}` : p.name }))}
              {...form.getInputProps('productCode')}
            />
            <TextInput label={t('lot.lotNumber')} required {...form.getInputProps('lotNumber')} />
            <TextInput type="date" label={t('lot.expiryDate')} required {...form.getInputProps('expiryDate')} />
            <NumberInput label={t('lot.dosesPerVial')} placeholder={product ? String(product.defaultDosesPerVial) : ''} min={1} max={50} {...form.getInputProps('dosesPerVial')} />
            <NumberInput label={t('lot.vialsReceived')} required min={0} {...form.getInputProps('vialsReceived')} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" variant="light">
              {t('lot.add')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
