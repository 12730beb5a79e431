import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayView, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { station } from '../../station';

/**
 * Closing the day. The station key signs the manifest, so a locked key is
 * unlocked here first; each work-list item still open needs its reason; the
 * core checks all of it again when the close is confirmed.
 */
export function ClosePanel({ view, reasons, onClosed }: { view: DayView; reasons: Readonly<Record<string, string>>; onClosed(): void }) {
  const { t } = useTranslation('day');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = view.workList.filter((i) => !(reasons[i.key] ?? '').trim()).length;

  const unlock = async () => {
    const r = await station.certificates.unlockSigning({ passphrase });
    if (!r.ok) return setError(r.error);
    setPassphrase('');
    setError(null);
    onClosed();
  };
  const close = async () => {
    setBusy(true);
    try {
      const decisions = view.workList.map((i) => ({ key: i.key, reason: reasons[i.key] ?? '' }));
      const r = await station.closeOfDay.close({ planId: view.session.planId, decisions });
      if (!r.ok) return setError(r.error);
      setError(null);
      onClosed();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="close-panel">
      <Title order={2} size="h5" mb="xs">
        {t('close.title')}
      </Title>
      <Stack>
        <Text size="sm">{t('close.explain')}</Text>
        {view.signing === 'none' && <Alert color="red">{t('close.noKey')}</Alert>}
        {view.signing === 'locked' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void unlock();
            }}
          >
            <Alert color="yellow" title={t('close.lockedTitle')}>
              <Group align="flex-end">
                <PasswordInput label={t('close.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} w={320} data-testid="close-passphrase" />
                <Button type="submit" variant="light" data-testid="close-unlock">
                  {t('close.unlock')}
                </Button>
              </Group>
            </Alert>
          </form>
        )}
        {missing > 0 && (
          <Text size="sm" c="orange" data-testid="close-missing">
            {t('close.missing', { count: missing })}
          </Text>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button color="red" onClick={() => void close()} loading={busy} disabled={view.signing !== 'ready' || missing > 0} data-testid="close-day">
            {t('close.confirm')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
