import type { Database } from 'better-sqlite3';

export interface SiteRow {
  id: string;
  code: string;
  name: string;
  province: string;
  district: string;
  commune: string;
  createdAt: string;
}

export function siteQueries(db: Database) {
  const get = db.prepare(
    'SELECT id, code, name, province, district, commune, created_at AS createdAt FROM site LIMIT 1',
  );
  const insert = db.prepare(
    'INSERT INTO site (id, code, name, province, district, commune, created_at) VALUES (@id, @code, @name, @province, @district, @commune, @createdAt)',
  );
  const update = db.prepare('UPDATE site SET code = @code, name = @name, province = @province, district = @district, commune = @commune WHERE id = @id');
  return {
    get: () => (get.get() as SiteRow | undefined) ?? null,
    update: (row: Omit<SiteRow, 'createdAt'>) => void update.run(row),
    insert: (row: SiteRow) => void insert.run(row),
  };
}
