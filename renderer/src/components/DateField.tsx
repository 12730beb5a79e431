import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSiteDate, parseTypedDate } from './dates';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'onInvalid'> {
  /** yyyy-MM-dd, or '' when empty. */
  value?: string;
  /** yyyy-MM-dd, '' when cleared; while the text is not a date yet, nothing is sent. */
  onChange(value: string): void;
}

/**
 * A calendar date typed as people at the site write it, dd/MM/yyyy, whatever
 * the browser's own date picker would show (Chromium's follows the machine's
 * locale, often mm/dd/yyyy). The field keeps what is typed and says plainly
 * when it is not a real date; the form gets yyyy-MM-dd.
 */
export function DateField({ value = '', onChange, error, onBlur, ...rest }: DateFieldProps) {
  const { t } = useTranslation('common');
  const [text, setText] = useState(() => formatSiteDate(value || null, 'vi').replace('—', ''));
  const [bad, setBad] = useState(false);
  // A value set from outside (a reset, a default) replaces what is shown, unless it is what is typed or typing is under way.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    const typed = text.trim() === '' ? '' : parseTypedDate(text);
    if (!(typed === value || (value === '' && typed === null))) setText(value ? formatSiteDate(value, 'vi') : '');
  }
  return (
    <TextInput
      {...rest}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('datePlaceholder')}
      error={error ?? (bad ? t('dateInvalid') : undefined)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const parsed = next.trim() === '' ? '' : parseTypedDate(next);
        if (parsed !== null) {
          setBad(false);
          onChange(parsed);
        } else if (bad) setBad(false);
      }}
      onBlur={(e) => {
        const parsed = text.trim() === '' ? '' : parseTypedDate(text);
        setBad(parsed === null);
        onBlur?.(e);
      }}
    />
  );
}
