import { Button, Group, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorData } from '../../../preload/contract';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { station } from '../station';
import { SiteDetailsPanel } from './SiteDetailsPanel';
import { UsbScannerSettings } from './UsbScannerSettings';

/** Station settings: the site's details, how long a desk may sit idle before it locks, USB barcode scanners. */
export function SettingsPanel() {
  const { t } = useTranslation('supervisor');
  const session = useSession();
  const [idle, setIdle] = useState<number | ''>('');
  const [error, setError] = useState<StationErrorData | null>(null);
  useEffect(() => {
    void station.settings.get({}).then((r) => r.ok && setIdle(r.value.idleLockMinutes));
  }, []);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await station.settings.update({ idleLockMinutes: idle === '' ? 0 : idle });
    if (!r.ok) return setError(r.error);
    setError(null);
    notifications.show({ color: 'teal', message: t('settings.saved') });
    await session.refresh();
  };
  return (
    <Stack>
      <SiteDetailsPanel />
      <Paper withBorder p="md">
        <form noValidate onSubmit={save} aria-label={t('settings.heading')}>
          <Title order={2} size="h4" mb="sm">
            {t('settings.heading')}
          </Title>
          {error && <ErrorAlert error={error} />}
          <NumberInput label={t('settings.idleLockMinutes')} description={t('settings.idleLockHint')} min={1} max={240} value={idle} onChange={(v) => setIdle(typeof v === 'number' ? v : '')} w={320} />
          <Group mt="md">
            <Button type="submit">{t('settings.save')}</Button>
          </Group>
        </form>
      </Paper>
      <UsbScannerSettings />
    </Stack>
  );
}
