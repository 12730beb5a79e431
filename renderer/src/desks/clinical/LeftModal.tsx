import { Alert, Button, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { station } from '../../station';

/**
 * A visit that ends without the dose or without a release: the person left,
 * or was not there when called. At observation only "left" applies (they had
 * the dose and walked out before release).
 */
export function LeftModal({ visit, afterDose, onClose }: { visit: Pick<QueueEntry, 'visitId' | 'queueNumber' | 'citizen'>; afterDose: boolean; onClose(done: boolean): void }) {
  const { t } = useTranslation('clinical');
  const [outcome, setOutcome] = useState<'left' | 'no_show'>('left');
  const [note, setNote] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const submit = async () => {
    const r = await station.queue.leave({ visitId: visit.visitId, outcome: afterDose ? 'left' : outcome, ...(note.trim() ? { note } : {}) });
    if (!r.ok) return setError(r.error);
    onClose(true);
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={t('left.title', { number: visit.queueNumber, name: visit.citizen.fullName })}>
      <form
        noValidate
        aria-label={t('left.form')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {afterDose ? (
            <Alert color="yellow">{t('left.afterDose')}</Alert>
          ) : (
            <Radio.Group value={outcome} onChange={(v) => setOutcome(v as 'left' | 'no_show')} label={t('left.which')}>
              <Stack gap={6} mt={4}>
                <Radio value="left" label={t('left.left')} data-autofocus />
                <Radio value="no_show" label={t('left.noShow')} />
              </Stack>
            </Radio.Group>
          )}
          <TextInput label={t('left.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" color="orange" data-testid="left-confirm" data-autofocus={afterDose ? true : undefined}>
              {t('left.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
