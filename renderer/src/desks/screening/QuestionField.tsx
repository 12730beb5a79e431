import { Group, Radio, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningQuestion } from '../../../../preload/contract';

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

interface Props {
  question: ScreeningQuestion;
  value: AnswerValue;
  /** What is typed in a number box, kept apart from the number it means. */
  text: string;
  required: boolean;
  problem: string | null;
  onChange(value: AnswerValue, text?: string): void;
}

/**
 * One checklist question. Yes/no is a two-way switch reached with Tab and
 * flipped with the arrow keys; numbers accept a comma or a point.
 */
export function QuestionField({ question: q, value, text, required, problem, onChange }: Props) {
  const { t, i18n } = useTranslation('screening');
  const label = `${q.label}. ${questionText(q, i18n.language)}`;
  const id = `q-${q.id}`;
  switch (q.type) {
    case 'yes-no':
      return (
        <Group justify="space-between" wrap="nowrap" gap="sm" data-question={q.id} py={3} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Text size="sm" id={id} style={{ flex: 1 }}>
            {label}
            {required && value === null && (
              <Text span c="red" aria-hidden>
                {' '}
                *
              </Text>
            )}
          </Text>
          <SegmentedControl
            aria-labelledby={id}
            size="xs"
            value={value === null ? '' : value ? 'yes' : 'no'}
            onChange={(v) => onChange(v === 'yes')}
            data={[
              { value: 'no', label: t('no') },
              { value: 'yes', label: t('yes') },
            ]}
            color={value === true ? 'orange' : value === false ? 'teal' : 'gray'}
          />
        </Group>
      );
    case 'number':
      return (
        <TextInput
          data-question={q.id}
          label={label}
          required={required}
          inputMode="decimal"
          rightSection={<Text size="xs">{t(`unit.${q.unit ?? ''}`, { defaultValue: q.unit })}</Text>}
          rightSectionWidth={64}
          value={text}
          error={problem ? t(`problem.${problem}`, { min: q.min, max: q.max, unit: t(`unit.${q.unit ?? ''}`, { defaultValue: q.unit }) }) : undefined}
          onChange={(e) => onChange(parseNumber(e.currentTarget.value), e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          data-question={q.id}
          type="date"
          label={label}
          required={required}
          value={typeof value === 'string' ? value : ''}
          error={problem ? t(`problem.${problem}`) : undefined}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          w={260}
        />
      );
    case 'choice':
      return (
        <Radio.Group data-question={q.id} label={label} required={required} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v)}>
          <Group mt={4}>
            {(q.options ?? []).map((o) => (
              <Radio key={o.value} value={o.value} label={questionText(o, i18n.language)} />
            ))}
          </Group>
        </Radio.Group>
      );
  }
}
