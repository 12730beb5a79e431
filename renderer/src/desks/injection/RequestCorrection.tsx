import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoseRecord, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { station } from '../../station';

/**
 * A nurse who sees a mistake in the dose just recorded asks the supervisor to
 * correct it (correcting is the supervisor's); the request waits on the
 * supervisor's close-of-day work list.
 */
export function RequestCorrection({ dose }: { dose: DoseRecord }) {
  const { t } = useTranslation('day');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const submit = async () => {
    const r = await station.doses.requestCorrection({ doseId: dose.id, reason });
    if (!r.ok) return setError(r.error);
    setOpen(false);
    setReason('');
    notifications.show({ color: 'teal', message: t('requests.sent') });
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setOpen(true)} data-testid="request-correction">
        {t('requests.ask')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('requests.askTitle', { product: dose.productName, lot: dose.lotNumber ?? '—' })}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Stack>
              <Text size="sm">{t('requests.askExplain')}</Text>
              <Textarea label={t('requests.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required data-autofocus />
              {error && <ErrorAlert error={error} />}
              <Group justify="flex-end">
                <Button type="submit" data-testid="request-correction-send">
                  {t('requests.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      )}
    </>
  );
}
