import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Vietnamese first, English second. Each namespace is one JSON file per
 * language under locales/<lang>/<namespace>.json; new desks add files, not
 * edits to this module. A unit test checks both languages have the same keys.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'station.language';

function resources() {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(files)) {
    const m = /\.\/locales\/([a-z]+)\/([\w-]+)\.json$/.exec(path);
    if (!m) continue;
    const [, lang, ns] = m as unknown as [string, string, string];
    (out[lang] ??= {})[ns] = mod.default;
  }
  return out;
}

export function initI18n(): typeof i18next {
  const saved = localStorage.getItem(STORAGE_KEY);
  const lng: Language = saved === 'en' ? 'en' : 'vi';
  void i18next.use(initReactI18next).init({
    resources: resources(),
    lng,
    fallbackLng: 'vi',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}
