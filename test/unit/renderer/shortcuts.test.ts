import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../../renderer/src/app/shortcuts';

const RENDERER = join(__dirname, '../../../renderer/src');
const LOCALES = join(RENDERER, 'i18n/locales');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the one table of shortcuts', () => {
  it('gives every key one meaning', () => {
    const seen = new Map<string, string>();
    for (const [action, def] of Object.entries(SHORTCUTS)) {
      const key = def.keys.join('+').toLowerCase();
      expect(seen.get(key), `${key} is both ${seen.get(key)} and ${action}`).toBeUndefined();
      seen.set(key, action);
    }
  });

  it('is the only place a desk binds an Alt shortcut (Alt+digit desk switching aside)', () => {
    const offenders: string[] = [];
    for (const file of sources(RENDERER)) {
      if (file.endsWith(join('app', 'shortcuts.ts'))) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`]alt\+([^'"`$]+)['"`]/gi)) offenders.push(`${file.slice(RENDERER.length)}: alt+${m[1]}`);
      for (const m of text.matchAll(/keys=\{\['Alt', '([^']+)'\]\}/g)) offenders.push(`${file.slice(RENDERER.length)}: shown Alt+${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('names every action in both languages, for the table shown with ?', () => {
    for (const lang of ['vi', 'en']) {
      const names = JSON.parse(readFileSync(join(LOCALES, lang, 'shortcuts.json'), 'utf8')).action as Record<string, string>;
      for (const action of Object.keys(SHORTCUTS)) expect(names[action], `${lang} ${action}`).toEqual(expect.any(String));
    }
  });
});
