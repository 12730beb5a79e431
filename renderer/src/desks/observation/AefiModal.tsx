import { Button, Checkbox, Group, Modal, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AefiSymptom, SeriousnessCriterion, type AefiSeverity, type BoardEntry, type StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { forgetDraft, useDraft } from '../../app/drafts';
import { keysOf, useShortcuts } from '../../app/shortcuts';
import { station } from '../../station';

interface AefiDraft {
  symptoms: string[];
  other: string;
  onset: string;
  severity: AefiSeverity;
  seriousness: string[];
  action: string;
  referredTo: string;
  notes: string;
}

const SITE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });

/** HH:mm typed at the site, on the day of an instant, back to a UTC instant (the site is UTC+7 all year). */
export function onsetInstant(dayOf: string, hhmm: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const siteDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(dayOf));
  const instant = new Date(`${siteDay}T${m[1]!.padStart(2, '0')}:${m[2]}:00+07:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/**
 * An adverse event following immunization, as the AEFI form asks it:
 * symptoms, onset, severity, WHO seriousness criteria, what was done, where
 * the person was referred. Any criterion makes the event serious and alerts
 * the supervisor. Alt+Enter records.
 */
export function AefiModal({ entry, coreNow, onClose }: { entry: BoardEntry; coreNow: number; onClose(recorded: boolean): void }) {
  const { t } = useTranslation('observation');
  // Kept across a lock of the desk (see drafts.ts): a reaction being written down is not lost to the idle timer.
  const draftKey = `aefi:${entry.visitId}`;
  const [draft, setDraft] = useDraft<AefiDraft>(draftKey, () => ({
    symptoms: [],
    other: '',
    onset: SITE_TIME.format(new Date(coreNow || Date.now())),
    severity: 'mild',
    seriousness: [],
    action: '',
    referredTo: '',
    notes: '',
  }));
  const { symptoms, other, onset, severity, seriousness, action, referredTo, notes } = draft;
  const field =
    <K extends keyof AefiDraft>(key: K) =>
    (value: AefiDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const onsetAt = onsetInstant(entry.startedAt, onset);
    if (!onsetAt) return setError({ code: 'VALIDATION_FAILED', message: 'onset time', issues: [{ path: 'onsetAt', code: 'invalid_string', message: 'HH:mm' }] });
    setBusy(true);
    const result = await station.aefi.record({
      visitId: entry.visitId,
      symptoms: symptoms as AefiSymptom[],
      onsetAt,
      severity,
      seriousness: seriousness as SeriousnessCriterion[],
      actionTaken: action,
      ...(other.trim() ? { otherSymptoms: other } : {}),
      ...(referredTo.trim() ? { referredTo } : {}),
      ...(notes.trim() ? { notes } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    forgetDraft(draftKey);
    onClose(true);
  };
  useShortcuts({ record: () => void submit() }, { dialog: true });
  const cancel = () => {
    forgetDraft(draftKey);
    onClose(false);
  };

  return (
    <Modal opened onClose={cancel} size="xl" title={t('aefi.title', { number: entry.queueNumber, name: entry.citizen.fullName })}>
      <form
        aria-label={t('aefi.form')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Checkbox.Group label={t('aefi.symptoms')} value={symptoms} onChange={field('symptoms')} withAsterisk>
            <SimpleGrid cols={3} spacing={6} mt={4}>
              {AefiSymptom.options.map((s, i) => (
                <Checkbox key={s} value={s} label={t(`aefi.symptom.${s}`)} data-autofocus={i === 0 ? true : undefined} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {symptoms.includes('other') && <TextInput label={t('aefi.other')} value={other} onChange={(e) => field('other')(e.currentTarget.value)} withAsterisk />}
          <Group grow align="flex-start">
            <TextInput label={t('aefi.onset')} description={t('aefi.onsetHint')} value={onset} onChange={(e) => field('onset')(e.currentTarget.value)} withAsterisk w={140} />
            <Radio.Group label={t('aefi.severity')} value={severity} onChange={(v) => field('severity')(v as AefiSeverity)}>
              <Group mt={6}>
                {(['mild', 'moderate', 'severe'] as const).map((s) => (
                  <Radio key={s} value={s} label={t(`aefi.severityLevel.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
          </Group>
          <Checkbox.Group label={t('aefi.seriousness')} description={t('aefi.seriousnessHint')} value={seriousness} onChange={field('seriousness')}>
            <SimpleGrid cols={3} spacing={6} mt={4}>
              {SeriousnessCriterion.options.map((c) => (
                <Checkbox key={c} value={c} label={t(`aefi.criterion.${c}`)} color="red" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {seriousness.length > 0 && (
            <Text c="red" fw={600} size="sm" data-testid="aefi-serious-note">
              {t('aefi.seriousNote')}
            </Text>
          )}
          <Textarea label={t('aefi.action')} value={action} onChange={(e) => field('action')(e.currentTarget.value)} withAsterisk autosize minRows={2} />
          <Group grow>
            <TextInput
              label={t('aefi.referredTo')}
              description={t('aefi.referredToHint')}
              value={referredTo}
              onChange={(e) => field('referredTo')(e.currentTarget.value)}
              data-testid="aefi-referred-to"
            />
            <TextInput label={t('aefi.notes')} value={notes} onChange={(e) => field('notes')(e.currentTarget.value)} />
          </Group>
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={busy} disabled={symptoms.length === 0} rightSection={<Shortcut keys={keysOf('record')} />} data-testid="aefi-submit">
              {referredTo.trim() ? t('aefi.recordAndRefer') : t('aefi.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
