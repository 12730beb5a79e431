import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation } from '../../main/core/station';
import { seededRandom } from '../../main/core/services/synthetic-people';
import { siteRecordSystem, SYSTEM } from '../../main/domain/fhir';
import { startFhirTestServer } from '../support/fhir-server/http';
import { forkCore, requireBuiltCore } from '../support/forked-core';
import { seedOfflineWeek } from '../support/sync-fixtures';
import { quietLog, SITE } from '../support/station';

/**
 * The chaos test: 10,000 doses of 6,000 citizens uploaded by the real
 * core process to the FHIR test server, with 30 % of requests faulted (5xx,
 * 429 with Retry-After, connection resets, answers slower than the station's
 * timeout, requests processed and then the connection dropped) and 413 over
 * a size, while the test kills the core with SIGKILL at random moments and
 * starts it again, until everything is sent. Afterwards the server holds
 * exactly the station's doses, once each (counted by identifier), every
 * outbox row is sent, each dose's patient is one resource, and the server
 * validated every resource as R4. Then the same with a batch-only server.
 */
const DOSES = 10_000;
const PEOPLE = 6_000;
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const ENV = { STATION_SYNC_TIMEOUT_MS: '1500', STATION_SYNC_RETRY_BASE_MS: '20', STATION_SYNC_RETRY_CAP_MS: '300', STATION_SYNC_DEBOUNCE_MS: '0' };

let dir: string;
beforeAll(() => {
  requireBuiltCore();
  dir = mkdtempSync(join(tmpdir(), 'sync-chaos-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seed(file: string, baseUrl: string): Promise<void> {
  const station = createStation({ databasePath: file, log: quietLog });
  try {
    const call = async (op: string, request: unknown) => {
      const r = await station.dispatch(op, request, 'seed');
      if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    await call('setup:initialize', { site: SITE, supervisor: { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' } });
    await call('auth:login', { username: 'giamsat', pin: '2468' });
    seedOfflineWeek(station.services.store, { doses: DOSES, people: PEOPLE, seed: 5 });
    await call('sync:saveConnection', { baseUrl, auth: 'none' });
  } finally {
    station.close();
  }
}

const pendingIn = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM outbox WHERE state <> 'sent'`).pluck().get() as number;
  } finally {
    db.close();
  }
};

async function chaos(batchOnly: boolean): Promise<void> {
  const file = join(dir, `station-${batchOnly ? 'batch' : 'transaction'}.sqlite`);
  const server = await startFhirTestServer({
    batchOnly,
    maxBodyBytes: 700_000,
    faults: { rate: 0.3, kinds: ['5xx', '429', 'reset', 'slow', 'drop'], slowMs: 2_500, seed: SEED },
  });
  try {
    await seed(file, server.url);
    const random = seededRandom(SEED);
    let kills = 0;
    // Kill at random moments while there is something left to send, then let the last start finish.
    for (let i = 0; i < 40 && pendingIn(file) > 0; i++) {
      const core = forkCore(file, { env: ENV });
      await core.ready;
      await new Promise((r) => setTimeout(r, 150 + random() * 1_500));
      core.child.kill('SIGKILL');
      await core.exited;
      kills++;
    }
    const core = forkCore(file, { env: ENV });
    await core.ready;
    const deadline = Date.now() + 600_000;
    while (pendingIn(file) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    core.child.kill('SIGTERM');
    await core.exited;
    expect(kills, `seed ${SEED}`).toBeGreaterThan(3);
    expect(Object.values(server.counts.faulted).every((n) => n > 0), JSON.stringify(server.counts)).toBe(true);

    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect(db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`).all(), `seed ${SEED}`).toEqual([{ state: 'sent', n: DOSES }]);
      const records = db.prepare(`SELECT record_id FROM dose`).pluck().all() as string[];
      const system = siteRecordSystem(SITE.code, 'immunization');
      const onServer = server.store.all('Immunization').map((s) => (s.resource.identifier as { system: string; value: string }[]).find((i) => i.system === system)!.value);
      expect(onServer.length).toBe(DOSES);
      expect(new Set(onServer)).toEqual(new Set(records));
      // Each dose's patient is one resource: one Patient per CCCD, and every dose points at its citizen's.
      const patients = server.store.all('Patient');
      expect(patients.length).toBe(PEOPLE);
      const cccds = patients.map((p) => (p.resource.identifier as { system: string; value: string }[]).find((i) => i.system === SYSTEM.cccd)!.value);
      expect(new Set(cccds).size).toBe(PEOPLE);
      const doseCitizen = new Map(
        (db.prepare(`SELECT d.record_id AS r, c.id_number AS n FROM dose d JOIN citizen c ON c.id = d.citizen_id`).all() as { r: string; n: string }[]).map((x) => [x.r, x.n]),
      );
      const cccdOfPatient = new Map(patients.map((p, i) => [`Patient/${p.resource.id}`, cccds[i]]));
      for (const s of server.store.all('Immunization')) {
        const record = (s.resource.identifier as { value: string }[])[0]!.value;
        expect(cccdOfPatient.get((s.resource.patient as { reference: string }).reference)).toBe(doseCitizen.get(record));
      }
    } finally {
      db.close();
    }
  } finally {
    await server.close();
  }
}

describe('uploading through faults and SIGKILLs', () => {
  it('with a transaction server: every dose on the platform exactly once', { timeout: 1_200_000 }, async () => {
    await chaos(false);
  });

  it('with a batch-only server: every dose on the platform exactly once', { timeout: 1_200_000 }, async () => {
    await chaos(true);
  });
});
