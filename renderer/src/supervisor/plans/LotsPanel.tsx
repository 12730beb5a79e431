import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LotFields, type Lot, type PlanDetail, type StationErrorData, type VaccineProduct } from '../../../../preload/contract';
import { productLabel } from '../../components/catalogue';
import { DateField } from '../../components/DateField';
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
  const [removing, setRemoving] = useState<Lot | null>(null);
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
  /** Removing asks first; once done, the notice offers to put the lot back exactly as it was. */
  const remove = async (lot: Lot) => {
    setRemoving(null);
    const result = await station.plan.removeLot({ lotId: lot.id });
    if (!result.ok) return setError(result.error);
    setError(null);
    onChanged();
    const id = `lot-removed-${lot.id}`;
    notifications.show({
      id,
      color: 'orange',
      autoClose: 15_000,
      message: (
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <span>{t('lot.removed', { lotNumber: lot.lotNumber })}</span>
          <Button
            size="compact-xs"
            variant="light"
            data-testid="undo-remove-lot"
            onClick={() => {
              notifications.hide(id);
              void station.plan
                .addLot({ planId: plan.id, productCode: lot.productCode, lotNumber: lot.lotNumber, expiryDate: lot.expiryDate, dosesPerVial: lot.dosesPerVial, vialsReceived: lot.vialsReceived })
                .then((r) => (r.ok ? (setError(null), onChanged()) : setError(r.error)));
            }}
          >
            {t('lot.undo')}
          </Button>
        </Group>
      ),
    });
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
                  <ActionIcon variant="subtle" color="red" aria-label={t('lot.remove', { lotNumber: l.lotNumber })} onClick={() => setRemoving(l)} data-testid="remove-lot">
                    ×
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canAdd && (
        <form noValidate onSubmit={add} aria-label={t('lot.add')}>
          <SimpleGrid cols={5} mt="md">
            <Select
              label={t('lot.product')}
              withAsterisk
              searchable
              data={products.map((p) => ({ value: p.code, label: productLabel(p, t) }))}
              {...form.getInputProps('productCode')}
            />
            <TextInput label={t('lot.lotNumber')} withAsterisk {...form.getInputProps('lotNumber')} />
            <DateField label={t('lot.expiryDate')} withAsterisk {...form.getInputProps('expiryDate')} />
            <NumberInput label={t('lot.dosesPerVial')} placeholder={product ? String(product.defaultDosesPerVial) : ''} min={1} max={50} {...form.getInputProps('dosesPerVial')} />
            <NumberInput label={t('lot.vialsReceived')} withAsterisk min={0} {...form.getInputProps('vialsReceived')} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" variant="light">
              {t('lot.add')}
            </Button>
          </Group>
        </form>
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('lot.removeTitle')}>
        {removing && (
          <Stack>
            <Text>{t('lot.removeAsk', { product: removing.productName, lotNumber: removing.lotNumber, vials: removing.vialsReceived })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('lot.keep')}
              </Button>
              <Button color="red" onClick={() => void remove(removing)} data-testid="remove-lot-confirm" data-autofocus>
                {t('lot.removeConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
