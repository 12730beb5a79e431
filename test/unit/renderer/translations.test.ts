import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../preload/contract';

const LOCALES = join(__dirname, '../../../renderer/src/i18n/locales');
const load = (lang: string, ns: string) => JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;

/** Keys without i18next plural suffixes: Vietnamese has one plural form, English two. */
function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other|few|many|zero|two)$/, '')}`],
  );
}

describe('translations', () => {
  const namespaces = readdirSync(join(LOCALES, 'vi')).map((f) => f.replace(/\.json$/, ''));

  it('has every namespace in both languages with the same keys', () => {
    expect(readdirSync(join(LOCALES, 'en')).sort()).toEqual(readdirSync(join(LOCALES, 'vi')).sort());
    for (const ns of namespaces) {
      expect(new Set(keys(load('en', ns))), ns).toEqual(new Set(keys(load('vi', ns))));
    }
  });

  it('translates every error code the core can answer with', () => {
    for (const lang of ['vi', 'en']) {
      const errors = load(lang, 'errors');
      for (const code of ERROR_CODES) expect(errors[code], `${lang} ${code}`).toEqual(expect.any(String));
    }
  });

  it('writes Vietnamese in NFC, as it is compared and stored', () => {
    for (const ns of namespaces) {
      const text = readFileSync(join(LOCALES, 'vi', `${ns}.json`), 'utf8');
      expect(text, ns).toBe(text.normalize('NFC'));
    }
  });
});
