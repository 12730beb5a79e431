import { Button, Checkbox, Divider, Grid, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Platform,
  QueueEntry,
  ScreeningFormView,
  ScreeningOutcome,
  ScreeningOverride,
  ScreeningPreview,
  ScreeningRecordView,
  StationErrorData,
} from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { station } from '../../station';
import { VisitCard } from '../clinical/VisitCard';
import { OutcomePanel } from './OutcomePanel';
import { QuestionField, questionText, type AnswerValue } from './QuestionField';

const OUTCOMES: ScreeningOutcome[] = ['eligible', 'postpone', 'contraindicated', 'refer'];
const PLATFORMS: Platform[] = ['mRNA', 'viral-vector', 'inactivated', 'protein-subunit'];

interface OverrideDraft {
  outcome: ScreeningOutcome | null;
  reason: string;
  returnDate: string;
  observationMinutes: number | '';
  platforms: Platform[];
}

const NO_OVERRIDE: OverrideDraft = { outcome: null, reason: '', returnDate: '', observationMinutes: '', platforms: [] };

function overrideRequest(d: OverrideDraft): ScreeningOverride | undefined {
  if (!d.outcome) return undefined;
  return {
    outcome: d.outcome,
    reason: d.reason,
    ...(d.outcome === 'postpone' && d.returnDate ? { returnDate: d.returnDate } : {}),
    ...(d.observationMinutes !== '' ? { observationMinutes: d.observationMinutes } : {}),
    ...(d.outcome === 'contraindicated' && d.platforms.length > 0 ? { contraindicatedPlatforms: d.platforms } : {}),
  };
}

/** Every yes/no question that applies and is still open, answered "no". */
function answeredNo(answers: Record<string, AnswerValue>, form: ScreeningFormView, asked: readonly string[]): Record<string, AnswerValue> {
  const next = { ...answers };
  for (const q of form.questions) if (q.type === 'yes-no' && asked.includes(q.id) && (next[q.id] === undefined || next[q.id] === null)) next[q.id] = false;
  return next;
}

/**
 * The checklist for one visit. The core says which questions apply (follow-ups
 * appear as answers open them) and what the answers conclude, live; the nurse
 * records it as concluded, or overrides it with a written reason.
 * Keyboard: Tab through the questions, Alt+K answers every open yes/no
 * question "no", Alt+O opens the override, Alt+Enter records.
 */
export function ScreeningForm({ visit, forms, onRecorded }: { visit: QueueEntry; forms: ScreeningFormView[]; onRecorded(record: ScreeningRecordView): void }) {
  const { t, i18n } = useTranslation(['screening', 'clinical']);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ScreeningPreview | null>(null);
  const [override, setOverride] = useState<OverrideDraft>(NO_OVERRIDE);
  const [overriding, setOverriding] = useState(false);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  // Alt+K pressed before the core has said which questions apply (a fast nurse
  // right after picking the visit) is kept and carried out when it has.
  const allNoPending = useRef(false);

  const form = preview ? forms.find((f) => f.id === preview.formId && f.version === preview.formVersion) : undefined;
  const asked = useMemo(() => new Set(preview?.asked ?? []), [preview]);
  const required = useMemo(() => new Set(preview?.required ?? []), [preview]);
  const answered = useMemo(() => Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null)), [answers]);

  useEffect(() => {
    let live = true;
    void station.screening.preview({ visitId: visit.visitId, answers: answered }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setPreview(r.value);
      const shownForm = forms.find((f) => f.id === r.value.formId && f.version === r.value.formVersion);
      if (allNoPending.current && shownForm) {
        allNoPending.current = false;
        setAnswers((a) => answeredNo(a, shownForm, r.value.asked));
      }
      // An answer to a question no longer asked (weeks of pregnancy after "not pregnant") is dropped.
      const stale = Object.keys(answered).filter((k) => !r.value.asked.includes(k));
      if (stale.length > 0) setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([k]) => !stale.includes(k))));
    });
    return () => {
      live = false;
    };
  }, [visit.visitId, answered, forms]);

  const problems = useMemo(() => {
    const out: Record<string, string> = {};
    for (const p of preview?.problems ?? []) if (p.code !== 'ANSWER_REQUIRED' && p.code !== 'ANSWER_NOT_APPLICABLE') out[p.questionId] = p.code;
    return out;
  }, [preview]);
  const pending = (preview?.required ?? []).filter((id) => answered[id] === undefined).length;

  const set = (id: string, value: AnswerValue, text?: string) => {
    setAnswers((a) => ({ ...a, [id]: value }));
    if (text !== undefined) setTexts((x) => ({ ...x, [id]: text }));
  };
  const allNo = () => {
    if (!form || !preview) {
      allNoPending.current = true;
      return;
    }
    setAnswers((a) => answeredNo(a, form, preview.asked));
  };
  const record = async () => {
    if (!preview || saving) return;
    setSaving(true);
    const result = await station.screening.record({
      visitId: visit.visitId,
      formId: preview.formId,
      formVersion: preview.formVersion,
      answers: Object.fromEntries(Object.entries(answered).filter(([k]) => asked.has(k))),
      ...(overriding && overrideRequest(override) ? { override: overrideRequest(override) } : {}),
    });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    onRecorded(result.value);
  };

  useHotkeys(
    [
      ['alt+K', allNo],
      ['alt+O', () => setOverriding((o) => !o)],
      ['alt+Enter', () => void record()],
    ],
    [],
  );

  const shown = form?.questions.filter((q) => asked.has(q.id)) ?? [];
  const yesNo = shown.filter((q) => q.type !== 'number');
  const vitals = shown.filter((q) => q.type === 'number');
  const canRecord = !!preview?.decision || (overriding && !!override.outcome);
  // Yes/no questions and vitals are laid out apart but answered the same way.
  const questionField = (q: ScreeningFormView['questions'][number]) => (
    <QuestionField
      key={q.id}
      question={q}
      value={answers[q.id] ?? null}
      text={texts[q.id] ?? ''}
      required={required.has(q.id)}
      problem={problems[q.id] ?? null}
      onChange={(v, x) => set(q.id, v, x)}
    />
  );

  return (
    <Grid gap="sm">
      <Grid.Col span={7}>
        {form && (
          <Paper withBorder p="sm" data-testid="screening-form" data-form={`${form.id}@${form.version}`}>
            <Title order={2} size="h6" mb={4}>
              {questionText({ text: form.title }, i18n.language)}
            </Title>
            <Button size="compact-sm" variant="light" mb="xs" onClick={allNo} rightSection={<Shortcut keys={['Alt', 'K']} />}>
              {t('allNo')}
            </Button>
            <Stack gap={0}>
              {yesNo.map(questionField)}
            </Stack>
            <Divider my="xs" label={t('vitals')} labelPosition="left" />
            <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
              {vitals.map(questionField)}
            </SimpleGrid>
          </Paper>
        )}
      </Grid.Col>
      <Grid.Col span={5}>
        {/* The conclusion stays in sight while the nurse works down the checklist. */}
        <Stack gap="sm" style={{ position: 'sticky', top: 64 }}>
          <VisitCard queueNumber={visit.queueNumber} citizen={visit.citizen} />
          <OutcomePanel decision={preview?.decision ?? null} pending={pending} />
          <Paper withBorder p="sm">
            <Checkbox
              label={
                <Group gap={6}>
                  {t('override.toggle')} <Shortcut keys={['Alt', 'O']} />
                </Group>
              }
              checked={overriding}
              onChange={(e) => setOverriding(e.currentTarget.checked)}
              data-testid="override-toggle"
            />
            {overriding && (
              <Stack gap="xs" mt="xs" data-testid="override">
                <Select
                  label={t('override.outcome')}
                  data={OUTCOMES.map((o) => ({ value: o, label: t(`clinical:outcome.${o}`) }))}
                  value={override.outcome}
                  onChange={(v) => setOverride((d) => ({ ...d, outcome: (v as ScreeningOutcome | null) ?? null }))}
                  allowDeselect={false}
                />
                {override.outcome === 'postpone' && (
                  <TextInput type="date" label={t('override.returnDate')} value={override.returnDate} onChange={(e) => setOverride((d) => ({ ...d, returnDate: e.currentTarget.value }))} />
                )}
                {override.outcome === 'contraindicated' && (
                  <MultiSelect
                    label={t('override.platforms')}
                    data={PLATFORMS.map((p) => ({ value: p, label: t(`clinical:platform.${p}`) }))}
                    value={override.platforms}
                    onChange={(v) => setOverride((d) => ({ ...d, platforms: v as Platform[] }))}
                  />
                )}
                <NumberInput
                  label={t('override.observationMinutes')}
                  min={30}
                  max={240}
                  value={override.observationMinutes}
                  onChange={(v) => setOverride((d) => ({ ...d, observationMinutes: typeof v === 'number' ? v : '' }))}
                />
                <Textarea label={t('override.reason')} required autosize minRows={2} value={override.reason} onChange={(e) => setOverride((d) => ({ ...d, reason: e.currentTarget.value }))} />
              </Stack>
            )}
          </Paper>
          {error && <ErrorAlert error={error} />}
          <Button onClick={() => void record()} loading={saving} disabled={!canRecord} rightSection={<Shortcut keys={['Alt', 'Enter']} />} data-testid="screening-record">
            {t('record')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('recordHint')}
          </Text>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
