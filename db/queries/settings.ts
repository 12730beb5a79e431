import type { Database } from 'better-sqlite3';

export function settingQueries(db: Database) {
  const get = db.prepare('SELECT value FROM setting WHERE key = ?');
  const put = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get: (key: string): string | null => (get.get(key) as { value: string } | undefined)?.value ?? null,
    put: (key: string, value: string) => void put.run(key, value),
  };
}
