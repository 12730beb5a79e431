import { Button, Checkbox, Divider, Grid, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
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
import { forgetDraft, useDraft } from '../../app/drafts';
import { keysOf, useShortcuts } from '../../app/shortcuts';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { station } from '../../station';
import { VisitCard } from '../clinical/VisitCard';
import { OutcomePanel } from './OutcomePanel';
import { focusQuestion, QuestionField, questionText, type AnswerValue } from './QuestionField';

const OUTCOMES: ScreeningOutcome[] = ['eligible', 'postpone', 'contraindicated', 'refer'];
const PLATFORMS: Platform[] = ['mRNA', 'viral-vector', 'inactivated', 'protein-subunit'];

interface OverrideDraft {
  outcome: ScreeningOutcome | null;
  reason: string;
  returnDate: string;
  observationMinutes: number | '';
  platforms: Platform[];
}

/** Everything typed for one visit: kept across a lock of the desk (drafts.ts), dropped once recorded. */
interface ScreeningDraft {
  answers: Record<string, AnswerValue>;
  texts: Record<string, string>;
  override: OverrideDraft;
  overriding: boolean;
  referredTo: string;
}

const NO_OVERRIDE: OverrideDraft = { outcome: null, reason: '', returnDate: '', observationMinutes: '', platforms: [] };
const BLANK: ScreeningDraft = { answers: {}, texts: {}, override: NO_OVERRIDE, overriding: false, referredTo: '' };

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

/** From the start of the form. */
const FROM_START = '';

/**
 * The checklist for one visit, keyboard first. The core says which questions
 * apply (follow-ups appear as answers open them) and what the answers
 * conclude, live. The keyboard sits on one question at a time: C or K answers
 * a yes/no question and moves to the next unanswered one, a number ends with
 * Enter; Alt+K answers every open yes/no question "no" and goes to what is
 * left (the vitals). Alt+D decides otherwise with a written reason; Alt+Enter
 * records.
 */
export function ScreeningForm({ visit, forms, onRecorded }: { visit: QueueEntry; forms: ScreeningFormView[]; onRecorded(record: ScreeningRecordView): void }) {
  const { t, i18n } = useTranslation(['screening', 'clinical']);
  const draftKey = `screening:${visit.visitId}`;
  const [draft, setDraft] = useDraft<ScreeningDraft>(draftKey, BLANK);
  const { answers, texts, override, overriding, referredTo } = draft;
  const [preview, setPreview] = useState<ScreeningPreview | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  // Alt+K pressed before the core has said which questions apply (a fast nurse
  // right after picking the visit) is kept and carried out when it has.
  const allNoPending = useRef(false);
  // The question just answered: once the core has said what is asked now, the keyboard goes to the next open one.
  const advanceFrom = useRef<string | null>(FROM_START);
  // Which answers the preview shown was computed for: the keyboard moves on only once it is the current ones.
  const previewFor = useRef<string | null>(null);
  const [advanceTick, setAdvanceTick] = useState(0);

  const setAnswers = (f: (a: Record<string, AnswerValue>) => Record<string, AnswerValue>) => setDraft((d) => ({ ...d, answers: f(d.answers) }));
  const setOverride = (f: (o: OverrideDraft) => OverrideDraft) => setDraft((d) => ({ ...d, override: f(d.override) }));
  const setOverriding = (f: (o: boolean) => boolean) => setDraft((d) => ({ ...d, overriding: f(d.overriding) }));

  const form = preview ? forms.find((f) => f.id === preview.formId && f.version === preview.formVersion) : undefined;
  const asked = useMemo(() => new Set(preview?.asked ?? []), [preview]);
  const required = useMemo(() => new Set(preview?.required ?? []), [preview]);
  const answered = useMemo(() => Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null)), [answers]);
  const shown = useMemo(() => form?.questions.filter((q) => asked.has(q.id)) ?? [], [form, asked]);
  const yesNo = shown.filter((q) => q.type !== 'number');
  const vitals = shown.filter((q) => q.type === 'number');
  // The order the keyboard walks: as laid out, the checklist and then the vitals.
  const order = useMemo(() => [...shown.filter((q) => q.type !== 'number'), ...shown.filter((q) => q.type === 'number')].map((q) => q.id), [shown]);

  useEffect(() => {
    let live = true;
    const key = JSON.stringify(answered);
    void station.screening.preview({ visitId: visit.visitId, answers: answered }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      previewFor.current = key;
      setPreview(r.value);
      const shownForm = forms.find((f) => f.id === r.value.formId && f.version === r.value.formVersion);
      if (allNoPending.current && shownForm) {
        allNoPending.current = false;
        advanceFrom.current = FROM_START;
        setAnswers((a) => answeredNo(a, shownForm, r.value.asked));
      }
      // An answer to a question no longer asked (weeks of pregnancy after "not pregnant") is dropped.
      const stale = Object.keys(answered).filter((k) => !r.value.asked.includes(k));
      if (stale.length > 0) setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([k]) => !stale.includes(k))));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setAnswers writes through the draft; the answers are the dependency
  }, [visit.visitId, answered, forms]);

  // Move the keyboard on once the questions asked now are known (an answer may have opened a follow-up).
  useEffect(() => {
    if (advanceFrom.current === null || !preview || order.length === 0 || previewFor.current !== JSON.stringify(answered)) return;
    const from = advanceFrom.current;
    const start = from === FROM_START ? 0 : order.indexOf(from) + 1;
    const open = (id: string) => answers[id] === undefined || answers[id] === null;
    const next = [...order.slice(start), ...order.slice(0, start)].find(open);
    advanceFrom.current = null;
    if (next) focusQuestion(next);
    else recordButton.current?.focus();
  }, [preview, order, answers, answered, advanceTick]);

  const problems = useMemo(() => {
    const out: Record<string, string> = {};
    for (const p of preview?.problems ?? []) if (p.code !== 'ANSWER_REQUIRED' && p.code !== 'ANSWER_NOT_APPLICABLE') out[p.questionId] = p.code;
    return out;
  }, [preview]);
  const pendingIds = (preview?.required ?? []).filter((id) => answered[id] === undefined);
  const pending = pendingIds.map((id) => {
    const q = form?.questions.find((x) => x.id === id);
    return { id, label: q ? `${q.label}. ${questionText(q, i18n.language)}` : id };
  });

  const set = (id: string, value: AnswerValue, text?: string) => {
    setDraft((d) => ({ ...d, answers: { ...d.answers, [id]: value }, texts: text === undefined ? d.texts : { ...d.texts, [id]: text } }));
  };
  const allNo = () => {
    if (!form || !preview) {
      allNoPending.current = true;
      return;
    }
    advanceFrom.current = FROM_START;
    setAnswers((a) => answeredNo(a, form, preview.asked));
  };
  const move = (id: string, by: number) => {
    const i = order.indexOf(id);
    const next = order[Math.max(0, Math.min(order.length - 1, i + by))];
    if (next) focusQuestion(next);
  };
  const refer = (overriding && override.outcome === 'refer') || (!overriding && preview?.decision?.outcome === 'refer');
  const record = async () => {
    if (!preview || saving) return;
    setSaving(true);
    const result = await station.screening.record({
      visitId: visit.visitId,
      formId: preview.formId,
      formVersion: preview.formVersion,
      answers: Object.fromEntries(Object.entries(answered).filter(([k]) => asked.has(k))),
      ...(overriding && overrideRequest(override) ? { override: overrideRequest(override) } : {}),
      ...(refer && referredTo.trim() ? { referredTo } : {}),
    });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    forgetDraft(draftKey);
    onRecorded(result.value);
  };

  useShortcuts({
    allNo,
    override: () => setOverriding((o) => !o),
    record: () => void record(),
  });

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
      onAdvance={() => {
        advanceFrom.current = q.id;
        // Enter on an answer already counted changes nothing the core says: move on all the same.
        setAdvanceTick((n) => n + 1);
      }}
      onMove={(by) => move(q.id, by)}
    />
  );

  return (
    <Grid gap="sm">
      <Grid.Col span={7}>
        {form && (
          <Paper withBorder p="sm" data-testid="screening-form" data-form={`${form.id}@${form.version}`}>
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Title order={2} size="h6">
                {questionText({ text: form.title }, i18n.language)}
              </Title>
              <Button size="compact-sm" variant="light" onClick={allNo} rightSection={<Shortcut keys={keysOf('allNo')} />} style={{ flexShrink: 0 }}>
                {t('allNo')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mb={4}>
              {t('keysHint')}
            </Text>
            <Stack gap={0}>{yesNo.map(questionField)}</Stack>
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
          <OutcomePanel decision={preview?.decision ?? null} pending={pending} onPending={focusQuestion} />
          {refer && (
            <TextInput
              label={t('referTo')}
              description={t('referToHint')}
              withAsterisk
              value={referredTo}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDraft((d) => ({ ...d, referredTo: v }));
              }}
              data-testid="screening-refer-to"
            />
          )}
          <Paper withBorder p="sm">
            <Checkbox
              label={
                <Group gap={6}>
                  {t('override.toggle')} <Shortcut keys={keysOf('override')} />
                </Group>
              }
              checked={overriding}
              onChange={(e) => {
                const v = e.currentTarget.checked;
                setOverriding(() => v);
              }}
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
                  <DateField label={t('override.returnDate')} value={override.returnDate} onChange={(v) => setOverride((d) => ({ ...d, returnDate: v }))} />
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
                <Textarea
                  label={t('override.reason')}
                  withAsterisk
                  autosize
                  minRows={2}
                  value={override.reason}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setOverride((d) => ({ ...d, reason: v }));
                  }}
                />
              </Stack>
            )}
          </Paper>
          {error && <ErrorAlert error={error} />}
          <Button ref={recordButton} onClick={() => void record()} loading={saving} disabled={!canRecord} rightSection={<Shortcut keys={keysOf('record')} />} data-testid="screening-record">
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
