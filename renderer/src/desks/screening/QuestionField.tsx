import { Button, Group, Kbd, Radio, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningQuestion } from '../../../../preload/contract';
import { DateField } from '../../components/DateField';

export type AnswerValue = boolean | number | string | null;

/** The question's text in the desk's language; forms carry both. */
export function questionText(q: Pick<ScreeningQuestion, 'text'>, language: string): string {
  return language === 'en' ? q.text.en : q.text.vi;
}

/** Vietnamese write 37,5; the form stores 37.5. Anything that is not a number stays unanswered. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Keys that answer a yes/no question where it has the focus: C/Y "có/yes", K/N "không/no". */
export function yesNoKey(key: string): boolean | null {
  const k = key.toLowerCase();
  if (k === 'c' || k === 'y') return true;
  if (k === 'k' || k === 'n') return false;
  return null;
}

/** Puts the keyboard on a question: its own control when it has one, else its first input. */
export function focusQuestion(id: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-question-focus="${CSS.escape(id)}"]`);
  if (!el) return false;
  const target = el.matches('input, button, [tabindex]') ? el : (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input'));
  target?.focus();
  return target !== null && target !== undefined;
}

interface Props {
  question: ScreeningQuestion;
  value: AnswerValue;
  /** What is typed in a number box, kept apart from the number it means. */
  text: string;
  required: boolean;
  problem: string | null;
  onChange(value: AnswerValue, text?: string): void;
  /** The nurse is done with this question (answered by key, or Enter in a box): the form moves on. */
  onAdvance(): void;
  /** ↑/↓ between questions. */
  onMove(by: number): void;
}

/**
 * One checklist question, answered from the keyboard without Tab: a yes/no
 * question takes C (có) or K (không), Y or N too, and the form moves to the
 * next unanswered question; numbers and dates end with Enter. ↑/↓ move
 * between questions. The mouse works as well.
 */
export function QuestionField({ question: q, value, text, required, problem, onChange, onAdvance, onMove }: Props) {
  const { t, i18n } = useTranslation('screening');
  const label = `${q.label}. ${questionText(q, i18n.language)}`;
  const id = `q-${q.id}`;
  const moveKeys = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onMove(e.key === 'ArrowDown' ? 1 : -1);
      return true;
    }
    return false;
  };
  const endWithEnter = (e: React.KeyboardEvent) => {
    if (moveKeys(e)) return;
    if (e.key === 'Enter' && !e.altKey) {
      e.preventDefault();
      onAdvance();
    }
  };
  switch (q.type) {
    case 'yes-no':
      return (
        <Group
          justify="space-between"
          wrap="nowrap"
          gap="sm"
          data-question={q.id}
          data-answered={value === null ? 'no' : 'yes'}
          py={3}
          px={4}
          role="radiogroup"
          aria-labelledby={id}
          tabIndex={0}
          data-question-focus={q.id}
          className="screening-question"
          onKeyDown={(e) => {
            if (moveKeys(e) || e.altKey || e.ctrlKey || e.metaKey) return;
            const answer = yesNoKey(e.key);
            if (answer === null) return;
            e.preventDefault();
            onChange(answer);
            onAdvance();
          }}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', borderRadius: 4 }}
        >
          <Text size="sm" id={id} style={{ flex: 1 }}>
            {label}
            {required && value === null && (
              <Text span c="red" aria-hidden>
                {' '}
                *
              </Text>
            )}
          </Text>
          <Group gap={4} wrap="nowrap">
            {([false, true] as const).map((answer) => (
              <Button
                key={String(answer)}
                size="compact-xs"
                tabIndex={-1}
                role="radio"
                aria-checked={value === answer}
                variant={value === answer ? 'filled' : 'default'}
                color={answer ? 'orange' : 'teal'}
                onClick={() => {
                  onChange(answer);
                  onAdvance();
                }}
                rightSection={<Kbd size="xs">{answer ? t('keyYes') : t('keyNo')}</Kbd>}
              >
                {answer ? t('yes') : t('no')}
              </Button>
            ))}
          </Group>
        </Group>
      );
    case 'number':
      return (
        <TextInput
          data-question={q.id}
          data-question-focus={q.id}
          label={label}
          withAsterisk={required}
          inputMode="decimal"
          rightSection={<Text size="xs">{t(`unit.${q.unit ?? ''}`, { defaultValue: q.unit })}</Text>}
          rightSectionWidth={64}
          value={text}
          error={problem ? t(`problem.${problem}`, { min: q.min, max: q.max, unit: t(`unit.${q.unit ?? ''}`, { defaultValue: q.unit }) }) : undefined}
          onChange={(e) => onChange(parseNumber(e.currentTarget.value), e.currentTarget.value)}
          onKeyDown={endWithEnter}
        />
      );
    case 'date':
      return (
        <DateField
          data-question={q.id}
          data-question-focus={q.id}
          label={label}
          withAsterisk={required}
          value={typeof value === 'string' ? value : ''}
          error={problem ? t(`problem.${problem}`) : undefined}
          onChange={(v) => onChange(v === '' ? null : v)}
          onKeyDown={endWithEnter}
          w={260}
        />
      );
    case 'choice':
      return (
        <Radio.Group
          data-question={q.id}
          data-question-focus={q.id}
          label={label}
          withAsterisk={required}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => {
            onChange(v);
          }}
          onKeyDown={(e) => {
            if (moveKeys(e)) return;
            const n = Number(e.key);
            const option = Number.isInteger(n) && n >= 1 ? q.options?.[n - 1] : undefined;
            if (option) {
              e.preventDefault();
              onChange(option.value);
              onAdvance();
            } else if (e.key === 'Enter') {
              e.preventDefault();
              onAdvance();
            }
          }}
        >
          <Group mt={4}>
            {(q.options ?? []).map((o, i) => (
              <Radio key={o.value} value={o.value} label={`${i + 1}. ${questionText(o, i18n.language)}`} />
            ))}
          </Group>
        </Radio.Group>
      );
  }
}
