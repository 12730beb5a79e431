import { Alert, Button, Group, Modal, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry, QueueEntry, StationErrorData } from '../../../../preload/contract';
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
