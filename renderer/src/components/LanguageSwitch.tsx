import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

/** Tiếng Việt / English, remembered on this machine. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(v) => setLanguage(v as Language)}
      data={[
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
