import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

/** Whether USB HID-POS scanners are being read, which are connected, and the last problem one reported. */
export function UsbScannerStatus() {
  const { t } = useTranslation('checkin');
  const { data } = useCoreQuery(() => station.scanner.status({}), [], ['scanner:changed']);
  if (!data) return null;
  const connected = data.devices.filter((d) => d.state === 'connected');
  const color = data.state === 'watching' ? (connected.length > 0 ? 'teal' : 'gray') : data.state === 'unavailable' ? 'orange' : 'gray';
  const label =
    data.state === 'watching' ? t('usb.watching', { count: connected.length }) : data.state === 'unavailable' ? t('usb.unavailable') : data.state === 'starting' ? t('usb.starting') : t('usb.off');
  const details = [
    ...data.devices.map((d) => `${d.name}: ${d.state === 'connected' ? t('usb.connected') : (d.error ?? t('usb.error'))}`),
    ...(data.reason && data.state === 'unavailable' ? [data.reason] : []),
    ...(data.lastError ? [t('usb.lastError', { device: data.lastError.device ?? 'USB', message: data.lastError.message })] : []),
  ];
  return (
    <Tooltip label={details.length > 0 ? details.join(' · ') : t('usb.hint')} multiline w={320} withArrow>
      <Badge color={color} variant="light" tt="none" data-testid="usb-scanner-status" data-state={data.state}>
        {label}
      </Badge>
    </Tooltip>
  );
}
