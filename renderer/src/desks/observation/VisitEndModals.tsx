import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { station } from '../../station';

/**
 * Referring a citizen under observation to a hospital: where to (required)
 * and why. The visit ends as referred; no certificate prints by itself and the
 * supervisor sees it on the clinical page.
 */
export function ReferModal({ entry, onClose }: { entry: BoardEntry; onClose(done: boolean): void }) {
  const { t } = useTranslation('observation');
  const [place, setPlace] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const submit = async () => {
    const r = await station.observation.refer({ visitId: entry.visitId, referredTo: place, ...(note.trim() ? { note } : {}) });
    if (!r.ok) return setError(r.error);
    onClose(true);
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={t('refer.title', { number: entry.queueNumber, name: entry.citizen.fullName })}>
      <form
        noValidate
        aria-label={t('refer.form')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Alert color="red">{t('refer.explain')}</Alert>
          <TextInput label={t('refer.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} withAsterisk data-autofocus />
          <Textarea label={t('refer.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" color="red" data-testid="refer-confirm">
              {t('refer.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A supervisor's release before the time is over, or after a serious adverse event: always with a reason. */
export function EarlyReleaseModal({ entry, onClose }: { entry: BoardEntry; onClose(done: boolean, released?: BoardEntry): void }) {
  const { t } = useTranslation('observation');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const submit = async () => {
    const r = await station.observation.releaseEarly({ visitId: entry.visitId, reason });
    if (!r.ok) return setError(r.error);
    onClose(true, r.value);
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={t('earlyTitle', { number: entry.queueNumber })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Alert color="yellow">{entry.seriousAefi ? t('earlyAfterSerious') : t('earlyWarning', { at: siteClock(entry.dueAt) })}</Alert>
          <Textarea label={t('earlyReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk autosize minRows={2} data-autofocus />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" data-testid="release-early-confirm">
              {t('releaseEarly')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
