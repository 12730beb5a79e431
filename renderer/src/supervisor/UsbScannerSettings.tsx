import { ActionIcon, Button, Group, Paper, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorData, UsbScannerModel } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCoreQuery } from '../components/use-core-query';
import { station } from '../station';

const LAYOUTS: UsbScannerModel['layout'][] = ['auto', 'honeywell', 'length-prefixed'];
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * USB HID-POS barcode scanners: read them or not, and the models that
 * announce a vendor usage page instead of 0x8C (by vendor and product ID,
 * hexadecimal as `lsusb` prints them), with their report layout.
 */
export function UsbScannerSettings() {
  const { t } = useTranslation('supervisor');
  const { data, reload } = useCoreQuery(() => station.settings.get({}), []);
  const [draft, setDraft] = useState<{ enabled: boolean; models: UsbScannerModel[] } | null>(null);
  const [vendor, setVendor] = useState('');
  const [product, setProduct] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  if (!data) return null;
  const current = draft ?? { enabled: data.usbScanners, models: data.usbScannerModels };
  const ids = { vendorId: parseInt(vendor, 16), productId: parseInt(product, 16) };
  const idsValid = /^[0-9a-f]{1,4}$/iu.test(vendor) && /^[0-9a-f]{1,4}$/iu.test(product);

  const save = async () => {
    const r = await station.settings.update({ usbScanners: current.enabled, usbScannerModels: current.models });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDraft(null);
    reload();
    notifications.show({ color: 'teal', message: t('settings.saved') });
  };

  return (
    <Paper withBorder p="md" data-testid="usb-scanner-settings">
      <Title order={2} size="h4" mb="sm">
        {t('usb.heading')}
      </Title>
      {error && <ErrorAlert error={error} />}
      <Switch label={t('usb.enabled')} description={t('usb.enabledHint')} checked={current.enabled} onChange={(e) => setDraft({ ...current, enabled: e.currentTarget.checked })} />
      <Text size="sm" mt="md" fw={500}>
        {t('usb.models')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('usb.modelsHint')}
      </Text>
      {current.models.length > 0 && (
        <Table mt="xs" withTableBorder>
          <Table.Tbody>
            {current.models.map((m, i) => (
              <Table.Tr key={`${m.vendorId}:${m.productId}`}>
                <Table.Td ff="monospace">
                  {hex4(m.vendorId)}:{hex4(m.productId)}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={LAYOUTS.map((l) => ({ value: l, label: t(`usb.layout.${l}`) }))}
                    value={m.layout}
                    onChange={(v) => setDraft({ ...current, models: current.models.map((x, j) => (j === i ? { ...x, layout: (v ?? 'auto') as UsbScannerModel['layout'] } : x)) })}
                    aria-label={t('usb.layoutLabel')}
                  />
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('usb.remove')} onClick={() => setDraft({ ...current, models: current.models.filter((_, j) => j !== i) })}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="xs" align="flex-end">
        <TextInput label={t('usb.vendorId')} placeholder="0c2e" value={vendor} onChange={(e) => setVendor(e.currentTarget.value.trim())} w={110} />
        <TextInput label={t('usb.productId')} placeholder="0db3" value={product} onChange={(e) => setProduct(e.currentTarget.value.trim())} w={110} />
        <Button
          variant="default"
          disabled={!idsValid}
          onClick={() => {
            setDraft({ ...current, models: [...current.models.filter((m) => m.vendorId !== ids.vendorId || m.productId !== ids.productId), { ...ids, layout: 'auto' }] });
            setVendor('');
            setProduct('');
          }}
        >
          {t('usb.add')}
        </Button>
      </Group>
      <Group mt="md">
        <Button onClick={() => void save()} disabled={draft === null}>
          {t('settings.save')}
        </Button>
      </Group>
    </Paper>
  );
}
